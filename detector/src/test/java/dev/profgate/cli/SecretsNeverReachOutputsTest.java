package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profgate.TestFiles;
import dev.profgate.demo.StoredProfiles;
import dev.profgate.format.pprof.ProfileProto;
import dev.profgate.source.remote.Deploys;
import dev.profgate.source.remote.FakePyroscope;
import dev.profgate.source.remote.FakeServer;
import dev.profgate.source.remote.ProfileStore;
import dev.profgate.source.remote.RecordedProfiles;
import dev.profgate.workload.WorkloadRecorder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No secret an input carries reaches an output. A JFR recording of a child JVM with a planted secret in an
 * environment variable, a system property and another JVM argument, and a pprof profile with the secret in its
 * comments and in string-table entries no sample uses, go through compare, top, convert, bench (as recorded forks,
 * their JMH results also naming the secret in {@code jvmArgs}) and baseline save: neither standard output and error
 * nor any file written holds the secret. A Pyroscope server echoing the token in a 401 or 500 answer's body gets a
 * one-line error without it.
 */
class SecretsNeverReachOutputsTest {
    private static final String SECRET = "planted-" + UUID.randomUUID();
    private static final String TOKEN = "pyro-tok-" + UUID.randomUUID();

    @TempDir
    static Path tmp;
    static Path recording;
    static Path pprof;

    @BeforeAll
    static void inputsHoldingTheSecret() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("recorded"));
        recording = WorkloadRecorder.jfr(dir.resolve("run.jfr"), "profile", Map.of("PROFGATE_PLANTED", SECRET),
                List.of("-Dprofgate.planted=" + SECRET, "-XX:ErrorFile=" + dir.resolve(SECRET + ".log")),
                "cpu,alloc", "1000", "0").await();
        assertTrue(StoredProfiles.contains(Files.readAllBytes(recording), bytes(SECRET)), "planted in the recording");
        pprof = commented(Path.of(LimitsCliTest.fixture("go-payments-v1.cpu.pb.gz")), tmp.resolve("commented.pb.gz"));
    }

    @Test
    void aJfrRecordingsEnvironmentReachesNoOutput() throws IOException {
        assertNoOutputHoldsTheSecret(recording, "jfr");
    }

    @Test
    void aPprofProfilesCommentsAndUnusedStringsReachNoOutput() throws IOException {
        assertNoOutputHoldsTheSecret(pprof, "pprof");
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 500})
    void aTokenEchoedInAPyroscopeErrorBodyIsMasked(int status) throws IOException {
        ProfileStore store = new ProfileStore();
        Deploys.around(store, RecordedProfiles.V2);
        Path tokenFile = Files.writeString(tmp.resolve("token-" + status), TOKEN + "\n");
        try (FakePyroscope server = new FakePyroscope(store)) {
            for (int attempt = 0; attempt < 3; attempt++) {
                server.queue(exchange -> FakeServer.reply(exchange, status, "application/json",
                        ("{\"code\":\"" + (status == 401 ? "unauthenticated" : "internal") + "\",\"message\":\"bad "
                                + "token Bearer " + TOKEN + " (" + TOKEN + ")\"}").getBytes(StandardCharsets.UTF_8)));
            }
            CliRun run = CliRun.of("deploy-check", "--url", server.uri().toString(), "--selector", Deploys.SELECTOR,
                    "--deployed-at", Deploys.DEPLOYED_AT.toString(), "--token-file", tokenFile.toString(), "--attempts",
                    "3");
            assertEquals(2, run.exit(), run.err());
            assertEquals(1, run.errLines().size(), run.err());
            assertTrue(run.err().contains("HTTP " + status) && run.err().contains("bad token"), run.err());
            assertFalse(run.out().contains(TOKEN) || run.err().contains(TOKEN), run.err());
        }
    }

    /** Runs every command that reads {@code input} into its own folder and checks no output holds the secret. */
    private static void assertNoOutputHoldsTheSecret(Path input, String name) throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out-" + name));
        String in = input.toString();
        List<CliRun> runs = new ArrayList<>();
        runs.add(CliRun.of("compare", "--base", in, "--head", in, "--out", out.resolve("compare").toString(),
                "--format", "json"));
        runs.add(CliRun.of("top", in));
        runs.add(CliRun.of("top", in, "--format", "json"));
        runs.add(CliRun.of("convert", in, out.resolve("converted.pb.gz").toString()));
        Path forks = forks(input, name);
        runs.add(CliRun.of("bench", "--base", forks.toString(), "--head", forks.toString(), "--out",
                out.resolve("bench").toString(), "--format", "markdown"));
        Path from = Files.createDirectories(tmp.resolve("from-" + name));
        Files.copy(input, from.resolve(input.getFileName()));
        runs.add(CliRun.of("baseline", "save", "--name", "b", "--from", from.toString(), "--store",
                out.resolve("store").toString()));
        for (CliRun run : runs) {
            assertTrue(run.exit() == 0 || run.exit() == 1, run.out() + run.err());
            assertFalse(run.out().contains(SECRET) || run.err().contains(SECRET), run.out() + run.err());
        }
        List<Path> files = files(out);
        assertTrue(files.size() >= 12, files.toString());
        for (Path file : files) {
            assertFalse(StoredProfiles.contains(StoredProfiles.bytes(file), bytes(SECRET)), file + " holds the secret");
        }
    }

    /** Recorded forks of one benchmark, each with {@code profile} and a JMH result whose JVM arguments name the secret. */
    private static Path forks(Path profile, String name) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode result = (ObjectNode) json.readTree(TestFiles.jmhResult().toFile()).get(0);
        result.putArray("jvmArgs").add("-Dprofgate.planted=" + SECRET);
        String results = json.createArrayNode().add(result).toString();
        Path dir = Files.createDirectories(tmp.resolve("forks-" + name).resolve("case"));
        String extension = name.equals("jfr") ? ".jfr" : ".pb.gz";
        for (int fork = 1; fork <= 2; fork++) {
            Files.writeString(dir.resolve("fork-0" + fork + ".json"), results);
            Files.copy(profile, dir.resolve("fork-0" + fork + extension));
        }
        return dir.getParent();
    }

    /** {@code fixture} with two comments and two string-table entries no sample, location or function refers to. */
    private static Path commented(Path fixture, Path target) throws IOException {
        ProfileProto.Profile.Builder profile;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(fixture))) {
            profile = ProfileProto.Profile.parseFrom(in).toBuilder();
        }
        int first = profile.getStringTableCount();
        profile.addStringTable("comment: PASSWORD=" + SECRET).addStringTable("env: TOKEN=" + SECRET)
                .addStringTable("unused " + SECRET).addStringTable(SECRET);
        profile.addComment(first).addComment(first + 1L);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            profile.build().writeTo(out);
        }
        assertTrue(StoredProfiles.contains(StoredProfiles.bytes(target), bytes(SECRET)), "planted in the profile");
        return target;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
