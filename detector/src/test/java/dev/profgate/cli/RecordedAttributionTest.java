package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.attribution.ChangeSet;
import dev.profgate.source.Git;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --attribute} on JFR profiles this test records of the {@link BisectRepo} repository before and after
 * its eight commits: each version's {@code Orders} and {@code Labels} compiled with a driver that validates order
 * codes for four seconds under {@code -XX:StartFlightRecording} with the bench mode's JFR settings (CPU samples
 * every 2 ms). The regression ({@code Pattern.compile} under
 * {@code Orders.isValid}) is attributed with high confidence to the commit that wrote the compiling line, the two
 * commits that changed comments of the same file are low at most, the commits that touch neither file are not named,
 * and those that edited {@code Labels.label} only for a finding in it.
 */
@Timeout(300)
class RecordedAttributionTest {
    private static final String DRIVER = """
            package bench;

            public final class Driver {
                public static void main(String[] args) {
                    String[] codes = {"0123456789", "98765x3210", "5555555555", "12345"};
                    long end = System.nanoTime() + Long.parseLong(args[0]) * 1_000_000L;
                    long valid = 0;
                    while (System.nanoTime() < end) {
                        for (String code : codes) {
                            valid += Orders.isValid(code) ? 1 : 0;
                        }
                        valid += Labels.label(codes[0]).length();
                    }
                    System.out.println(valid);
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void blamesTheCommitThatCompilesTheRegexPerCallWithItsLine() throws Exception {
        BisectRepo repo = BisectRepo.create(dir);
        List<String> commits = repo.commits();
        String good = commits.get(0);
        String bad = commits.get(8);
        Path base = record(repo, good, "base");
        Path head = record(repo, bad, "head");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("compare", "--base", base.toString(), "--head", head.toString(), "--attribute",
                "--base-ref", good, "--head-ref", bad, "--repo", repo.dir().toString(), "--out", out.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        int line = lineOf(new Git(repo.dir()).run("show", bad + ":src/bench/Orders.java"),
                "Pattern.compile(\"[0-9]{10}\").matcher");
        String culprit = ChangeSet.abbreviate(commits.get(4));
        List<String> attributions = run.errLines().stream().filter(l -> l.startsWith("profgate: attribution: "))
                .toList();
        assertTrue(attributions.stream().anyMatch(l -> l.contains("<- bench.Orders.isValid: high " + culprit
                + " wrote Orders.java:" + line + " in `isValid`")), String.join("\n", attributions));
        String table = Files.readString(out.resolve("attribution.md"));
        for (int comment : new int[] {2, 5}) {
            String sha = ChangeSet.abbreviate(commits.get(comment));
            table.lines().filter(l -> l.contains(sha)).forEach(row -> assertTrue(row.contains("| low | changed "
                    + "Orders.java:"), row));
        }
        List<String> rows = table.lines().filter(l -> l.startsWith("| ")).toList();
        for (int unrelated : new int[] {3, 7, 8}) {
            String sha = ChangeSet.abbreviate(commits.get(unrelated));
            assertFalse(rows.stream().anyMatch(row -> row.contains(sha)), table);
            assertFalse(attributions.stream().anyMatch(l -> l.contains(sha)), String.join("\n", attributions));
        }
        for (int labels : new int[] {1, 6}) {
            String sha = ChangeSet.abbreviate(commits.get(labels));
            assertTrue(findingsNaming(rows, sha).stream().allMatch(f -> f.contains("Labels.label")), table);
        }
    }

    /**
     * The finding cells of the attribution table's findings that name commit {@code sha} (a finding's first row
     * names it, its further rows leave the cell empty). A commit that edited {@code Labels.label} may be named for a
     * finding in that method (with the regex taking 80% of head, a few samples of it there can move it several times
     * relative to the unchanged code), never for the regex.
     */
    private static List<String> findingsNaming(List<String> rows, String sha) {
        List<String> named = new ArrayList<>();
        String finding = "";
        for (String row : rows) {
            String cell = row.split("\\|")[1].trim();
            finding = cell.isEmpty() ? finding : cell;
            if (row.contains(sha)) {
                named.add(finding);
            }
        }
        return named;
    }

    /** The version {@code commit} of Orders and Labels with the driver, run four seconds under JFR. */
    private Path record(BisectRepo repo, String commit, String name) throws IOException, InterruptedException {
        Path sources = Files.createDirectories(dir.resolve(name + "-src/bench"));
        Git git = new Git(repo.dir());
        List<String> args = new ArrayList<>(List.of("-d", dir.resolve(name + "-classes").toString(), "-nowarn"));
        for (String file : List.of("Orders.java", "Labels.java")) {
            args.add(Files.writeString(sources.resolve(file), git.run("show", commit + ":src/bench/" + file))
                    .toString());
        }
        args.add(Files.writeString(sources.resolve("Driver.java"), DRIVER).toString());
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)));
        Path recording = dir.resolve(name + ".jfr");
        Path settings = dir.resolve("bench.jfc");
        try (InputStream jfc = RecordedAttributionTest.class.getResourceAsStream("/profgate/bench.jfc")) {
            Files.copy(jfc, settings, StandardCopyOption.REPLACE_EXISTING);
        }
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints", "-XX:StartFlightRecording=filename="
                + recording + ",settings=" + settings, "-cp", dir.resolve(name + "-classes").toString(),
                "bench.Driver", "4000")
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        assertTrue(java.waitFor(120, TimeUnit.SECONDS), "the driver did not end");
        assertEquals(0, java.exitValue(), Files.readString(dir.resolve(name + ".log")));
        return recording;
    }

    private static int lineOf(String text, String content) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(content)) {
                return i + 1;
            }
        }
        throw new AssertionError(content + " not in\n" + text);
    }
}
