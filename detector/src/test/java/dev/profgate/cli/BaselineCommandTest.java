package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profgate.source.StoreInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code profgate baseline save|list|verify|prune} and {@code compare --base baseline:NAME} on the real demo
 * replicates: save, list, verify and compare against the stored side; refuse tampered and missing baselines.
 */
class BaselineCommandTest {
    private static final String COMMIT = "d82e11b0c0ffee";

    @TempDir
    Path tmp;

    private String store;
    private Path from;

    @BeforeEach
    void saveMain() throws IOException {
        store = tmp.resolve("store").toString();
        from = StoreInputs.folder(tmp.resolve("from"), 6, false);
        CliRun save = run("baseline", "save", "--name", "main", "--from", from.toString(), "--service",
                "payments-api", "--commit", COMMIT);
        assertEquals(0, save.exit(), save.err());
        assertTrue(save.out().startsWith("saved baseline main in " + Path.of(store, "main") + ": 6 profiles"),
                save.out());
    }

    @Test
    void listShowsNameServiceCommitDateTypesAndReplicates() {
        CliRun list = run("baseline", "list");
        assertEquals(0, list.exit(), list.err());
        List<String> lines = list.out().lines().toList();
        assertEquals(List.of("NAME", "SERVICE", "COMMIT", "DATE", "TYPES", "REPLICATES"),
                List.of(lines.get(0).split(" +")));
        String[] row = lines.get(1).split(" +");
        assertEquals(List.of("main", "payments-api", COMMIT.substring(0, 12)), List.of(row).subList(0, 3));
        Instant date = Instant.parse(row[3]);
        assertTrue(ChronoUnit.MINUTES.between(date, Instant.now()) < 10, row[3]);
        assertTrue(List.of(row[4].split(",")).contains("cpu"), row[4]);
        assertEquals("6", row[5]);
    }

    @Test
    void verifiedBaselineComparesLikeTheFolderItWasSavedFrom() {
        CliRun verify = run("baseline", "verify");
        assertEquals(0, verify.exit(), verify.err());
        assertEquals("ok  main (6 files match manifest.json)", verify.out().strip());
        CliRun regression = run("compare", "--base", "baseline:main", "--head", StoreInputs.DEMO_HEAD.toString());
        CliRun direct = run("compare", "--base", from.toString(), "--head", StoreInputs.DEMO_HEAD.toString());
        assertEquals(BaseCommand.EXIT_REGRESSION, regression.exit(), regression.err());
        assertTrue(regression.out().contains("java.util.regex.Pattern.compile"), regression.out());
        assertEquals(withoutSources(direct.out()), withoutSources(regression.out()));
        CliRun same = run("compare", "--base", "baseline:main", "--head", from.toString());
        assertEquals(0, same.exit(), same.err());
        assertTrue(same.out().startsWith("profgate") && same.out().contains("\nPASS"), same.out());
    }

    @Test
    void aTamperedBaselineIsRefusedByCompareAndVerify() throws IOException {
        Path profile = Path.of(store, "main", "profiles", "r3.pb.gz");
        byte[] bytes = Files.readAllBytes(profile);
        bytes[bytes.length - 5] ^= 0x10;
        Files.write(profile, bytes);
        String expected = "profgate: error: " + Path.of(store, "main") + ": tampered or corrupt baseline: "
                + "profiles/r3.pb.gz does not match its SHA-256 in manifest.json";
        CliRun compare = run("compare", "--base", "baseline:main", "--head", StoreInputs.DEMO_HEAD.toString());
        assertEquals(BaseCommand.EXIT_BAD_INPUT, compare.exit());
        assertEquals(List.of(expected), compare.errLines());
        assertEquals("", compare.out());
        CliRun verify = run("baseline", "verify", "main");
        assertEquals(BaseCommand.EXIT_BAD_INPUT, verify.exit());
        assertEquals(List.of(expected), verify.errLines());
    }

    @Test
    void aMissingBaselineIsOneLineListingTheOthers() {
        CliRun compare = run("compare", "--base", StoreInputs.DEMO_HEAD.toString(), "--head", "baseline:release");
        assertEquals(BaseCommand.EXIT_BAD_INPUT, compare.exit());
        assertEquals(List.of("profgate: error: baseline:release: no such baseline in " + store + "; available: main"),
                compare.errLines());
    }

    @Test
    void aBaselineFromAnotherMachineIsAWarningInEveryReport() throws Exception {
        int cpus = Runtime.getRuntime().availableProcessors();
        StoreInputs.editManifest(Path.of(store, "main"), m -> {
            m.with("jvm").put("version", "11.0.2+9");
            m.with("machine").put("cpus", cpus + 62);
        });
        Path out = tmp.resolve("reports");
        CliRun compare = run("compare", "--base", "baseline:main", "--head", from.toString(), "--out", out.toString());
        assertEquals(0, compare.exit(), compare.err());
        assertTrue(compare.out().contains("\nWARN"), compare.out());
        assertTrue(compare.out().contains("  CPU count: " + (cpus + 62) + " (base) vs " + cpus + " (head)\n"),
                compare.out());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("warn", report.get("verdict").asText());
        List<String> what = report.get("environmentMismatches").findValuesAsText("what");
        assertEquals(List.of("JVM", "CPU count"), what);
        String head = report.get("environmentMismatches").get(0).get("head").asText();
        assertTrue(head.endsWith(System.getProperty("java.vm.version")), head);
        assertTrue(Files.readString(out.resolve("report.md")).contains("Environment mismatch"));
        CliRun strict = run("compare", "--base", "baseline:main", "--head", from.toString(), "--fail-on", "warn");
        assertEquals(BaseCommand.EXIT_REGRESSION, strict.exit());
    }

    @Test
    void otherJmhOptionsAreAnEnvironmentMismatch() throws Exception {
        Path jmhFrom = StoreInputs.folder(tmp.resolve("jmh-from"), 3, true);
        assertEquals(0, run("baseline", "save", "--name", "bench", "--from", jmhFrom.toString()).exit());
        Path head = StoreInputs.folder(tmp.resolve("head"), 3, false);
        ObjectMapper json = new ObjectMapper();
        JsonNode results = json.readTree(jmhFrom.resolve("jmh-result.json").toFile());
        String baseForks = results.get(0).get("forks").asText();
        results.forEach(r -> ((ObjectNode) r).put("forks", 9));
        json.writeValue(head.resolve("jmh-result.json").toFile(), results);
        CliRun compare = run("compare", "--base", "baseline:bench", "--head", head.toString());
        assertEquals(0, compare.exit(), compare.err());
        String benchmark = results.get(0).get("benchmark").asText();
        assertTrue(compare.out().contains("  JMH options of " + benchmark + ": forks=" + baseForks
                + " (base) vs forks=9 (head)\n"), compare.out());
    }

    @Test
    void pruneDeletesByManifestDateAndKeepsTheNewest() throws IOException {
        assertEquals(0, run("baseline", "save", "--name", "old", "--from", from.toString()).exit());
        StoreInputs.editManifest(Path.of(store, "old"), m -> m.put("date", "2020-01-01T00:00:00Z"));
        CliRun dry = run("baseline", "prune", "--keep-days", "30", "--dry-run");
        assertEquals(List.of("would delete old (2020-01-01T00:00:00Z)", "would delete 1 baselines from " + store),
                dry.out().lines().toList());
        CliRun keepBoth = run("baseline", "prune", "--keep-days", "30", "--keep-last", "2");
        assertEquals("deleted 0 baselines from " + store, keepBoth.out().strip());
        CliRun prune = run("baseline", "prune", "--keep-days", "30");
        assertEquals(0, prune.exit(), prune.err());
        assertEquals(List.of("main"), run("baseline", "list").out().lines().skip(1).map(l -> l.split(" ")[0]).toList());
    }

    @Test
    void badOptionsAreOneLineAndExitTwo() {
        for (String[] args : List.of(
                new String[] {"baseline", "prune", "--keep-days", "-1"},
                new String[] {"baseline", "save", "--name", "x", "--from", "nowhere"},
                new String[] {"baseline", "save", "--name", "x", "--from", "nowhere", "--commit", "not-a-sha"},
                new String[] {"baseline", "save", "--name", "../x", "--from", "nowhere"})) {
            CliRun run = run(args);
            assertEquals(BaseCommand.EXIT_BAD_INPUT, run.exit(), String.join(" ", args));
            assertEquals(1, run.errLines().size(), run.err());
        }
        CliRun noSubcommand = CliRun.of("baseline");
        assertEquals(BaseCommand.EXIT_BAD_INPUT, noSubcommand.exit());
        assertEquals(1, noSubcommand.errLines().size(), noSubcommand.err());
    }

    /** Runs profgate with {@code --store} pointing at this test's store. */
    private CliRun run(String... args) {
        String[] withStore = Arrays.copyOf(args, args.length + 2);
        withStore[args.length] = "--store";
        withStore[args.length + 1] = store;
        return CliRun.of(withStore);
    }

    /** The report without its first line, which names the inputs. */
    private static String withoutSources(String report) {
        return report.substring(report.indexOf('\n'));
    }
}
