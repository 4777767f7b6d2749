package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.profgate.TestFiles;
import dev.profgate.quarterly.FixtureQuarter;
import dev.profgate.source.remote.Deploys;
import dev.profgate.source.remote.FakePyroscope;
import dev.profgate.source.remote.ProfileStore;
import dev.profgate.source.remote.RecordedProfiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every report file that six command runs write is byte-identical to its golden copy in
 * {@code src/test/resources/golden/RUN/}, so that a change meant to change no output (a package restructuring, say)
 * is seen to change none. Each run goes through the command line in-process ({@link CliRun}) with arguments as a user
 * types them, inputs given relative to the working directory (the detector module, as Maven runs it):
 * <ul>
 * <li>{@code compare-demo}: {@code compare} of {@code baselines/demo/base} and {@code head} (6 JFR replicates a side);
 * <li>{@code compare-go}: {@code compare} of the Go pprof fixtures {@code go-payments-v1} and
 * {@code go-payments-v2-regex-per-call} of {@code ../shared/fixtures};
 * <li>{@code top}: {@code top --format text|tsv|json} of the v2 fixture, whose standard output is the report
 * ({@code top.txt}, {@code top.tsv}, {@code top.json});
 * <li>{@code bench}: {@code bench} on the recorded forks of {@code src/test/resources/jmh/recorded-forks};
 * <li>{@code deploy-check}: against the loopback {@link FakePyroscope} around a deploy of the regex-per-call version,
 * with Grafana and trace links;
 * <li>{@code quarterly}: the quarter of {@link FixtureQuarter}, with a cost policy.
 * </ul>
 * Each {@code --out} folder ({@code report.txt}, {@code report.md}, {@code report.json}, {@code junit.xml},
 * {@code report.sarif}, {@code flamegraph.html}, {@code flamegraph.svg}; for {@code quarterly} {@code report.html},
 * {@code report.md}, {@code report.json} and a {@code trend-SERVICE.svg} per service) must hold exactly the golden
 * files. Only what differs from run to run is normalised: in {@code deploy-check} the fake server's address
 * ({@code http://127.0.0.1:PORT}, a free port each run) becomes {@code $SERVER}, and since the address is also inside
 * the gzip-compressed base64 data of {@code flamegraph.html}, that data is kept decoded; in {@code quarterly} the
 * temporary folder holding the profile folder becomes {@code $TMP}; in every run the version and the commit of the
 * profgate that wrote the reports become {@code $VERSION} and {@code $COMMIT}. Nothing else (no time, duration or path)
 * varies.
 * Golden files of 64 KiB or more are kept gzipped ({@code FILE.gz}) and compared after gunzip.
 *
 * <p>To regenerate the golden files after an intended output change, run this test with
 * {@code -Dprofgate.golden.update=true}: it rewrites them instead of comparing (see the README there).
 */
class GoldenReportsTest {
    private static final Path WORKING_DIR = Path.of("").toAbsolutePath();

    @TempDir
    Path tmp;

    @BeforeEach
    void runsFromTheDetectorModule() {
        assertEquals(TestFiles.repo().resolve("detector"), WORKING_DIR,
                "run from the detector module, as Maven does: the inputs are given relative to it");
    }

    @Test
    void compareDemo() throws IOException {
        CliRun run = CliRun.of("compare", "--base", typed(TestFiles.repo().resolve("baselines/demo/base")),
                "--head", typed(TestFiles.repo().resolve("baselines/demo/head")), "--out", out());
        assertExit(BaseCommand.EXIT_REGRESSION, run);
        new GoldenFiles("compare-demo").assertFolder(tmp.resolve("out"));
    }

    @Test
    void compareGoFixtures() throws IOException {
        CliRun run = CliRun.of("compare", "--base", fixture(RecordedProfiles.V1), "--head",
                fixture(RecordedProfiles.V2), "--out", out());
        assertExit(BaseCommand.EXIT_REGRESSION, run);
        new GoldenFiles("compare-go").assertFolder(tmp.resolve("out"));
    }

    /** {@code top} writes no file: its standard output in each format is the report. */
    @Test
    void top() throws IOException {
        Map<String, byte[]> outputs = new LinkedHashMap<>();
        for (String format : List.of("text", "tsv", "json")) {
            CliRun run = CliRun.of("top", "--format", format, fixture(RecordedProfiles.V2));
            assertExit(0, run);
            outputs.put("top." + format.replace("text", "txt"), run.out().getBytes(StandardCharsets.UTF_8));
        }
        new GoldenFiles("top").assertFiles(outputs);
    }

    @Test
    void benchOnRecordedForks() throws IOException {
        CliRun run = CliRun.of("bench", "--base", typed(BenchRuns.recordedForks("base")), "--head",
                typed(BenchRuns.recordedForks("head")), "--out", out());
        assertExit(BaseCommand.EXIT_REGRESSION, run);
        new GoldenFiles("bench").assertFolder(tmp.resolve("out"));
    }

    @Test
    void deployCheckOnLoopbackPyroscope() throws IOException {
        ProfileStore store = new ProfileStore();
        Deploys.around(store, RecordedProfiles.V2);
        try (FakePyroscope server = new FakePyroscope(store)) {
            CliRun run = DeployCheckCommandTest.check(server, tmp, "--out", out(), "--grafana-url",
                    "http://grafana.example", "--grafana-datasource", "pyro-uid", "--trace-url",
                    "http://tempo.example/search?service={service}&start={startUs}&end={endUs}");
            assertExit(BaseCommand.EXIT_REGRESSION, run);
            new GoldenFiles("deploy-check").decodingFlameData().replacing(server.uri().toString(), "$SERVER")
                    .assertFolder(tmp.resolve("out"));
        }
    }

    @Test
    void quarterly() throws IOException {
        Path profiles = FixtureQuarter.write(tmp.resolve("profiles"));
        Path config = Files.writeString(tmp.resolve("profgate.yml"),
                "cost:\n  coreHourPrice: 0.05\n  fleetCores: 40\n  currency: EUR\n");
        CliRun run = CliRun.of("quarterly", "--from", FixtureQuarter.FROM, "--to", FixtureQuarter.TO, "--profiles",
                profiles.toString(), "--config", config.toString(), "--out", out());
        assertExit(0, run);
        new GoldenFiles("quarterly").replacing(tmp.toString(), "$TMP").assertFolder(tmp.resolve("out"));
    }

    private String out() {
        return tmp.resolve("out").toString();
    }

    /** {@code file} as a user in the working directory types it: relative to it. */
    private static String typed(Path file) {
        return WORKING_DIR.relativize(file.toAbsolutePath().normalize()).toString();
    }

    private static String fixture(String name) {
        return typed(TestFiles.fixturesPprof().resolve(name));
    }

    private static void assertExit(int expected, CliRun run) {
        assertEquals(expected, run.exit(), run.err());
    }
}
