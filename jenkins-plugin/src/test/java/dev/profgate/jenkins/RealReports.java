package dev.profgate.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.profgate.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Real report folders written by the profgate engine (in this JVM, through its CLI) from the demo's recorded
 * profiles: the same six replicates on both sides (pass), the regex-per-call head (fail), and that head under a
 * policy whose fail floors it does not reach (warn). Made once per test run.
 */
public final class RealReports {
    /** The repository root. */
    public static final Path REPO = Path.of(System.getProperty("profgate.repo", "..")).toAbsolutePath().normalize();
    /** The demo's base profiles. */
    public static final Path BASE = REPO.resolve("baselines/demo/base");
    /** The demo's head profiles (the card regex compiled on every call). */
    public static final Path HEAD = REPO.resolve("baselines/demo/head");
    private static Map<Verdict, Path> folders;

    private RealReports() {
    }

    /** A policy file under which the demo's regression warns instead of failing. */
    public static Path warnOnlyPolicy(Path dir) throws IOException {
        return Files.writeString(dir.resolve("warn-only.yml"), "fail: {absolute: 0.9, relative: 50}\n");
    }

    /** The report folder whose verdict is {@code verdict}. */
    public static synchronized Path folder(Verdict verdict) throws IOException {
        if (folders == null) {
            Path root = Files.createTempDirectory("profgate-reports");
            Map<Verdict, Path> made = new EnumMap<>(Verdict.class);
            made.put(Verdict.PASS, compare(root, "pass", BASE));
            made.put(Verdict.FAIL, compare(root, "fail", HEAD));
            made.put(Verdict.WARN, compare(root, "warn", HEAD, "--config", warnOnlyPolicy(root).toString()));
            folders = made;
        }
        return folders.get(verdict);
    }

    /** Parses {@code args} with the real profgate command line: a flag it does not know fails the test. */
    public static void assertCliAccepts(List<String> args) {
        Main.getCommandLine(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()))
                .parseArgs(args.toArray(String[]::new));
    }

    /** The summary of the report folder whose verdict is {@code verdict}. */
    public static ReportSummary summary(Verdict verdict) throws IOException {
        return ReportSummary.read(folder(verdict));
    }

    private static Path compare(Path root, String name, Path head, String... more) {
        Path out = root.resolve(name);
        List<String> args = new ArrayList<>(List.of("compare", "--base", BASE.toString(), "--head", head.toString(),
                "--out", out.toString()));
        args.addAll(List.of(more));
        StringWriter err = new StringWriter();
        int code = Main.getCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute(args.toArray(String[]::new));
        assertEquals(name.equals("fail") ? 1 : 0, code, () -> "profgate compare for " + name + ": " + err);
        return out;
    }
}
