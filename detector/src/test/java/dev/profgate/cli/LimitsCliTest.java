package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every input limit through the command line: over a limit, {@code compare} exits 2 with one line naming the input,
 * the limit and the setting; a 100,000-frame stack is refused by default and analysed into every report once
 * {@code limits.stackDepth} is raised.
 */
class LimitsCliTest {
    private static final int DEEP = 100_000;
    private static final String V1 = fixture("go-payments-v1.cpu.pb.gz");
    private static final String V2 = fixture("go-payments-v2-regex-per-call.cpu.pb.gz");

    @TempDir
    static Path tmp;
    static Path deepBase;
    static Path deepHead;
    static Path collapsedBase;
    static Path collapsedHead;

    @BeforeAll
    static void writeDeepStacks() throws IOException {
        String[] names = IntStream.range(0, DEEP).mapToObj(i -> "level" + i).toArray(String[]::new);
        StackProfiles.Frame[] deep = StackProfiles.frames(names);
        StackProfiles.Frame[] shallow = StackProfiles.frames("main", "idle");
        deepBase = new StackProfiles().add(1000, deep).add(1000, shallow).write(tmp.resolve("deep-base"));
        deepHead = new StackProfiles().add(3000, deep).add(1000, shallow).write(tmp.resolve("deep-head"));
        String stack = String.join(";", names);
        collapsedBase = collapsed(tmp.resolve("collapsed-base"), stack, 1000);
        collapsedHead = collapsed(tmp.resolve("collapsed-head"), stack, 3000);
    }

    @Test
    void deepPprofStackIsRefusedByDefault() {
        assertOneLine(CliRun.of("compare", "--base", deepBase.toString(), "--head", deepHead.toString()),
                "a stack of 100000 frames over the limit of 16384 (raise limits.stackDepth in profgate.yml)");
    }

    @Test
    void deepCollapsedStackIsRefusedByDefault() {
        assertOneLine(CliRun.of("compare", "--base", collapsedBase.toString(), "--head", collapsedHead.toString()),
                "a stack of 100000 frames over the limit of 16384 (raise limits.stackDepth in profgate.yml)");
    }

    @Test
    void deepPprofStackWithTheLimitRaisedGivesEveryReport() throws IOException {
        assertEveryReport(deepBase, deepHead, "deep-out");
    }

    @Test
    void deepCollapsedStackWithTheLimitRaisedGivesEveryReport() throws IOException {
        assertEveryReport(collapsedBase, collapsedHead, "collapsed-out");
    }

    @Test
    void tooManySamples() throws IOException {
        assertOneLine(compareWith("samples: 10", V1, V2), "samples over the limit of 10 (raise limits.samples in");
    }

    @Test
    void tooManyStrings() throws IOException {
        assertOneLine(compareWith("strings: 100", V1, V2), "strings over the limit of 100 (raise limits.strings in");
    }

    @Test
    void tooManyFunctionsAndLocations() throws IOException {
        assertOneLine(compareWith("functions: 10", V1, V2), "functions over the limit of 10 (raise limits.functions");
        assertOneLine(compareWith("locations: 10", V1, V2), "locations over the limit of 10 (raise limits.locations");
    }

    @Test
    void tooManyReplicates() throws IOException {
        CliRun run = compareWith("replicates: 3", deepBase.toString(), V2);
        assertOneLine(run, "4 replicates over the limit of 3 (raise limits.replicates in profgate.yml)");
        assertTrue(run.err().contains(deepBase.toString()), run.err());
    }

    @Test
    void overlongStringIsRefusedInPprofAndCollapsed() throws IOException {
        String name = "x".repeat(70_000);
        Path pprof = new StackProfiles().add(10, StackProfiles.frames("main", name)).write(tmp.resolve("long"));
        String expected = "a string of length 70000 over the limit of 65536 (raise limits.stringLength in";
        assertOneLine(CliRun.of("compare", "--base", pprof.toString(), "--head", V2), expected);
        Path text = Files.writeString(tmp.resolve("long.txt"), "main;" + name + " 5\n");
        assertOneLine(CliRun.of("compare", "--base", text.toString(), "--head", V2),
                expected);
    }

    @Test
    void invalidLimitIsAConfigurationError() throws IOException {
        CliRun run = compareWith("stackDepth: 0", V1, V2);
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("'limits.stackDepth' must be between 1 and"), run.err());
    }

    private static void assertEveryReport(Path base, Path head, String name) throws IOException {
        Path out = tmp.resolve(name);
        CliRun run = CliRun.of("compare", "--base", base.toString(), "--head", head.toString(), "--config",
                config("stackDepth: 200000").toString(), "--out", out.toString());
        assertTrue(run.exit() == 0 || run.exit() == 1, run.err());
        for (ReportFormat format : ReportFormat.values()) {
            Path file = out.resolve(format.fileName());
            assertTrue(Files.size(file) > 0, file.toString());
        }
        assertTrue(Files.readString(out.resolve("report.json")).contains("level99999"));
    }

    private static CliRun compareWith(String limit, String base, String head) throws IOException {
        return CliRun.of("compare", "--base", base, "--head", head, "--config", config(limit).toString());
    }

    private static Path config(String limit) throws IOException {
        return Files.writeString(Files.createTempFile(tmp, "profgate", ".yml"), "limits:\n  " + limit + "\n");
    }

    private static Path collapsed(Path dir, String stack, int count) throws IOException {
        Files.createDirectories(dir);
        for (int r = 0; r < 3; r++) {
            Files.writeString(dir.resolve("r" + r + ".txt"), stack + " " + (count + r * 10) + "\nmain;idle 1000\n");
        }
        return dir;
    }

    static void assertOneLine(CliRun run, String expected) {
        assertEquals(2, run.exit(), run.out() + run.err());
        assertEquals(1, run.errLines().size(), run.err());
        String line = run.errLines().get(0);
        assertTrue(line.startsWith("profgate: error: ") && line.contains(expected), line);
        assertFalse(line.contains("Exception") || line.contains("\tat "), line);
    }

    static String fixture(String name) {
        String dir = System.getProperty("profgate.fixtures", "../../shared/fixtures");
        return Path.of(dir, "pprof", name).toString();
    }
}
