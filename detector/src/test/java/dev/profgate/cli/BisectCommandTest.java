package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.attribution.ChangeSet;
import dev.profgate.publish.TestGit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code profgate bisect} on a real repository of a good commit and eight after it ({@link BisectRepo}), building
 * each revision with javac and running JMH with one small fork a side (compared in time windows): the confirming run finds
 * {@code Pattern.compile} regressed, and three bisect runs (log2 of 8) find the commit that compiles the regex per call,
 * although two other commits edit the same file and the comment commit lies before it.
 */
class BisectCommandTest {
    @TempDir
    Path dir;

    @Test
    void findsTheCommitThatCompilesTheRegexPerCallInThreeSteps() throws Exception {
        BisectRepo repo = BisectRepo.create(dir);
        List<String> commits = repo.commits();
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("bisect", "--good", commits.get(0), "--bad", "HEAD", "--repo", repo.dir().toString(),
                "--build", "sh build.sh", "--jar", "target/bench.jar", "--bench", "OrderBenchmark", "--forks", "1",
                "--warmup-iterations", "1", "--warmup-time", "500ms", "--iterations", "2", "--time", "1s",
                "--out", out.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        JsonNode report = new ObjectMapper().readTree(Files.readString(out.resolve("bisect.json")));
        String culprit = commits.get(4);
        assertEquals(culprit, report.at("/firstBad/sha").asText(), run.out());
        assertEquals(BisectRepo.CULPRIT_SUBJECT, report.at("/firstBad/subject").asText());
        assertEquals("java.util.regex.Pattern.compile", report.at("/culprit/function").asText(), run.out());
        assertEquals(4, report.get("benchRuns").asInt(), run.out());
        List<String> visited = StreamSupport.stream(report.get("steps").spliterator(), false)
                .map(step -> step.get("commit").asText() + " " + step.get("mark").asText()).toList();
        // Binary search over commits 1..8 with the first bad at 4: bad 8 (confirming), then 4 bad, 2 good, 3 good.
        assertEquals(List.of(commits.get(8) + " bad", commits.get(4) + " bad", commits.get(2) + " good",
                commits.get(3) + " good"), visited, run.out());
        assertEquals(5, report.get("builds").asInt(), "good, bad and three middle commits, each built once");
        assertTrue(run.out().contains("first bad commit: " + ChangeSet.abbreviate(culprit)), run.out());
        String markdown = Files.readString(out.resolve("bisect.md"));
        assertTrue(markdown.contains("**first bad commit: " + ChangeSet.abbreviate(culprit)), markdown);
        assertTrue(markdown.contains("| 2 | " + ChangeSet.abbreviate(culprit) + " | "), markdown);
        BenchCommandTest.assertNoWorktreesLeft(repo.dir());
        assertEquals(List.of(), BenchRuns.processesUsing(dir));
    }

    @Test
    void withoutABuildCommandItIsAUsageError() {
        CliRun run = CliRun.of("bisect", "--good", "HEAD~1", "--bad", "HEAD", "--jar", "target/bench.jar");
        assertEquals(BaseCommand.EXIT_BAD_INPUT, run.exit());
        assertTrue(run.err().contains("bisect builds each revision: give --build and --jar"), run.err());
    }

    @Test
    void anUnknownRevisionIsOneLineAndBuildsNothing() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        TestGit.run(repo, "init", "-q");
        TestGit.run(repo, "commit", "-q", "--allow-empty", "-m", "only");
        CliRun run = CliRun.of("bisect", "--good", "no-such-tag", "--bad", "HEAD", "--repo", repo.toString(),
                "--build", "touch built", "--jar", "built");
        assertEquals(BaseCommand.EXIT_BAD_INPUT, run.exit());
        assertEquals(List.of("profgate: error: --good: 'no-such-tag' is not a commit of " + repo.toAbsolutePath()),
                run.errLines());
        CliRun same = CliRun.of("bisect", "--good", "HEAD", "--bad", "HEAD", "--repo", repo.toString(),
                "--build", "touch built", "--jar", "built");
        assertEquals(List.of("profgate: error: --good HEAD: is the same commit as --bad: nothing to bisect"),
                same.errLines());
    }
}
