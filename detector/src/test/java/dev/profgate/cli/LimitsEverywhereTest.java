package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.profgate.TestFiles;
import dev.profgate.source.remote.Deploys;
import dev.profgate.source.remote.FakePyroscope;
import dev.profgate.source.remote.ProfileStore;
import dev.profgate.source.remote.RecordedProfiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code limits:} of {@code profgate.yml} apply to every command that reads an input, not only {@code compare}:
 * for each command family, a limit lowered below what a real input needs is refused with exit 2 and one line naming
 * the input, the limit and the setting, while the same command succeeds with the defaults where that is cheap to show.
 */
class LimitsEverywhereTest {
    private static final String V1 = LimitsCliTest.fixture("go-payments-v1.cpu.pb.gz");
    private static final String SAMPLES_10 = "samples over the limit of 10 (raise limits.samples in profgate.yml)";

    @TempDir
    Path tmp;

    @Test
    void top() throws IOException {
        LimitsCliTest.assertOneLine(CliRun.of("top", V1, "--config", config("samples: 10")),
                "go-payments-v1.cpu.pb.gz: " + SAMPLES_10);
        assertEquals(0, CliRun.of("top", V1, "--config", config("samples: 100000")).exit());
    }

    @Test
    void convert() throws IOException {
        Path out = tmp.resolve("v1.pb.gz");
        LimitsCliTest.assertOneLine(CliRun.of("convert", V1, out.toString(), "--config", config("functions: 10")),
                "go-payments-v1.cpu.pb.gz: functions over the limit of 10 (raise limits.functions in profgate.yml)");
        assertFalse(Files.exists(out));
        assertEquals(0, CliRun.of("convert", V1, out.toString()).exit());
        assertTrue(Files.size(out) > 0);
    }

    @Test
    void deployCheckDecodesTheServersAnswersWithinTheLimits() throws IOException {
        ProfileStore store = new ProfileStore();
        Deploys.around(store, RecordedProfiles.V2);
        try (FakePyroscope server = new FakePyroscope(store)) {
            CliRun run = CliRun.of("deploy-check", "--url", server.uri().toString(), "--selector", Deploys.SELECTOR,
                    "--deployed-at", Deploys.DEPLOYED_AT.toString(), "--config", config("samples: 10"));
            LimitsCliTest.assertOneLine(run, SAMPLES_10);
            assertTrue(run.err().contains(server.uri().getHost()) && run.err().contains("SelectMergeProfile"),
                    run.err());
        }
    }

    @Test
    void benchReadsTheForksResultsAndProfilesWithinTheLimits() throws IOException {
        Path base = forks("base", 2);
        Path head = forks("head", 2);
        LimitsCliTest.assertOneLine(bench(base, head, "samples: 10"), "fork-01.pb.gz: " + SAMPLES_10);
        LimitsCliTest.assertOneLine(bench(base, head, "replicates: 1"),
                "2 forks over the limit of 1 (raise limits.replicates in profgate.yml)");
        LimitsCliTest.assertOneLine(bench(base, head, "fileBytes: 100"),
                "fork-01.json: file bytes over the limit of 100 (raise limits.fileBytes in profgate.yml)");
    }

    @Test
    void baselineSaveAndVerify() throws IOException {
        Path from = Files.createDirectories(tmp.resolve("from"));
        Files.copy(Path.of(V1), from.resolve("r1.pb.gz"));
        Path store = tmp.resolve("store");
        CliRun refused = CliRun.of("baseline", "save", "--name", "v1", "--from", from.toString(), "--store",
                store.toString(), "--config", config("samples: 10"));
        LimitsCliTest.assertOneLine(refused, "r1.pb.gz: " + SAMPLES_10);
        assertEquals("no baselines in " + store, CliRun.of("baseline", "list", "--store", store.toString())
                .out().strip());
        CliRun saved = CliRun.of("baseline", "save", "--name", "v1", "--from", from.toString(), "--store",
                store.toString());
        assertEquals(0, saved.exit(), saved.err());
        LimitsCliTest.assertOneLine(CliRun.of("baseline", "verify", "v1", "--store", store.toString(), "--config",
                config("fileBytes: 10")), "file bytes over the limit of 10 (raise limits.fileBytes in profgate.yml)");
        assertEquals(0, CliRun.of("baseline", "verify", "v1", "--store", store.toString()).exit());
    }

    @Test
    void quarterly() throws IOException {
        Path profiles = Files.createDirectories(tmp.resolve("checkout"));
        Files.copy(Path.of(V1), profiles.resolve("cpu-2025-01-08.pb.gz"));
        Path out = tmp.resolve("quarter");
        CliRun run = CliRun.of("quarterly", "--from", "2025-01-01", "--to", "2025-04-01", "--profiles",
                profiles.toString(), "--out", out.toString(), "--config", config("samples: 10"));
        LimitsCliTest.assertOneLine(run, "cpu-2025-01-08.pb.gz: " + SAMPLES_10);
        assertFalse(Files.exists(out));
    }

    private CliRun bench(Path base, Path head, String limit) throws IOException {
        return CliRun.of("bench", "--base", base.toString(), "--head", head.toString(), "--config", config(limit));
    }

    /** A side's recorded forks of one benchmark: a real JMH result and a real profile each. */
    private Path forks(String side, int count) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode results = (ArrayNode) json.readTree(TestFiles.jmhResult().toFile());
        String first = json.createArrayNode().add(results.get(0)).toString();
        Path dir = Files.createDirectories(tmp.resolve(side).resolve("case"));
        for (int fork = 1; fork <= count; fork++) {
            String stem = String.format("fork-%02d", fork);
            Files.writeString(dir.resolve(stem + ".json"), first);
            Files.copy(Path.of(V1), dir.resolve(stem + ".pb.gz"));
        }
        return dir.getParent();
    }

    private String config(String limit) throws IOException {
        return Files.writeString(Files.createTempFile(tmp, "profgate", ".yml"), "limits:\n  " + limit + "\n")
                .toString();
    }
}
