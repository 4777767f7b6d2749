package dev.profgate.bisect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.analysis.Policy;
import dev.profgate.base.BadInputException;
import dev.profgate.bench.BenchComparator;
import dev.profgate.bench.BenchOutcome;
import dev.profgate.bench.BenchPolicy;
import dev.profgate.bench.BenchSide;
import dev.profgate.bench.BenchmarkSamples;
import dev.profgate.model.CallTree;
import dev.profgate.model.FrameTable;
import dev.profgate.model.Profile;
import dev.profgate.model.ProfileHeader;
import dev.profgate.model.SampleType;
import dev.profgate.publish.TestGit;
import dev.profgate.source.Git;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Bisection} on a real git history (a good commit and eight after it) with the bench mode replaced by the
 * bench comparison of simulated forks: an operation costs 1000 ns in {@code work}, plus 1000 ns in {@code compile}
 * from the culprit commit on, plus 600 ns in {@code slow} from an unrelated commit on; each fork's profile samples
 * the CPU every 2 ms (binomial noise). The simulated jars are the commits built; the search must take log2(8) = 3 runs
 * after the confirming one wherever the culprit is, follow the same culprit past an unrelated slowdown, and say
 * "inconclusive" rather than guess.
 */
class BisectionTest {
    private static final long PERIOD = 2_000_000;
    private static final List<SampleType> COLUMNS = List.of(new SampleType("cpu", "nanoseconds"),
            new SampleType("time", "nanoseconds"));

    @TempDir
    Path dir;
    List<String> commits = new ArrayList<>();

    @BeforeEach
    void history() throws IOException, InterruptedException {
        TestGit.run(dir, "init", "-q");
        for (int i = 0; i <= 8; i++) {
            TestGit.run(dir, "commit", "-q", "--allow-empty", "-m", i == 0 ? "good" : "change " + i + " (#" + i + ")");
            commits.add(new Git(dir).run("rev-parse", "HEAD").strip());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void findsTheCulpritCommitInThreeRunsAfterTheConfirmingOneWhereverItIs(int culprit) {
        Simulated bench = new Simulated(culprit, 0, Set.of());
        BisectResult result = new Bisection(new Git(dir), bench, 2, null).run(commits.get(0), commits.get(8));
        assertEquals(commits.get(culprit), result.firstBad().sha(), result.steps().toString());
        assertEquals("compile", result.culprit().function());
        assertEquals(4, result.benchRuns(), result.steps().toString());
        assertEquals(8, result.commits().size());
        for (BisectStep step : result.steps()) {
            int index = commits.indexOf(step.commit().sha());
            assertEquals(index >= culprit ? BisectStep.Mark.BAD : BisectStep.Mark.GOOD, step.mark(), step.toString());
        }
        assertEquals(bench.built.size(), result.builds());
        assertEquals(bench.built.stream().distinct().count(), bench.built.size(), "each revision built once");
        assertEquals(commits.get(culprit), result.firstKnownBad());
        assertEquals(commits.get(culprit - 1), result.lastGood());
    }

    @Test
    void followsTheSameCulpritPastAnUnrelatedSlowdown() {
        Simulated bench = new Simulated(6, 2, Set.of());
        BisectResult result = new Bisection(new Git(dir), bench, 2, "compile").run(commits.get(0), "HEAD");
        assertEquals(commits.get(6), result.firstBad().sha(), result.steps().toString());
        BisectStep atFour = result.steps().stream().filter(s -> s.commit().sha().equals(commits.get(4))).findFirst()
                .orElseThrow();
        assertEquals(BisectStep.Mark.GOOD, atFour.mark(), "slow regressed at 4, compile did not: " + atFour);
        Simulated other = new Simulated(6, 2, Set.of());
        BisectResult slow = new Bisection(new Git(dir), other, 2, "slow").run(commits.get(0), "HEAD");
        assertEquals(commits.get(2), slow.firstBad().sha(), slow.steps().toString());
    }

    @Test
    void anInconclusiveStepIsRunAgainWithTwiceTheForksThenTheRangeIsReported() {
        Simulated bench = new Simulated(3, 0, Set.of(commits.get(4)));
        BisectResult result = new Bisection(new Git(dir), bench, 2, null).run(commits.get(0), commits.get(8));
        assertFalse(result.found());
        assertNull(result.firstBad());
        List<BisectStep> steps = result.steps();
        assertEquals(3, steps.size(), steps.toString());
        assertEquals(List.of(BisectStep.Mark.BAD, BisectStep.Mark.INCONCLUSIVE, BisectStep.Mark.INCONCLUSIVE),
                steps.stream().map(BisectStep::mark).toList());
        assertEquals(List.of(2, 2, 4), steps.stream().map(BisectStep::forks).toList());
        assertEquals(commits.get(0), result.lastGood());
        assertEquals(commits.get(8), result.firstKnownBad());
        assertTrue(result.conclusion().startsWith("inconclusive"), result.conclusion());
    }

    @Test
    void noRegressionBetweenGoodAndBadIsNothingToBisect() {
        BisectResult result = new Bisection(new Git(dir), new Simulated(99, 0, Set.of()), 2, null)
                .run(commits.get(0), commits.get(8));
        assertNull(result.culprit());
        assertFalse(result.found());
        assertEquals(1, result.benchRuns());
        assertEquals(BisectStep.Mark.GOOD, result.steps().get(0).mark());
    }

    @Test
    void aGoodRevisionAfterTheBadOneIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class, () -> new Bisection(new Git(dir),
                new Simulated(3, 0, Set.of()), 2, null).run(commits.get(8), commits.get(2)));
        assertTrue(e.getMessage().contains("is not an ancestor of --bad"), e.getMessage());
        assertThrows(BadInputException.class, () -> new Bisection(new Git(dir), new Simulated(3, 0, Set.of()), 2,
                null).run(commits.get(2), commits.get(2)));
    }

    /**
     * The bench mode simulated: a jar is the commit it was built from; {@code compile} costs from commit
     * {@code culprit} on, {@code slow} from {@code unrelated} on (0: never); runs of the commits in {@code noisy}
     * come back without the benchmark's profiles.
     */
    private final class Simulated implements Bisection.Bench {
        final List<String> built = new ArrayList<>();
        final int culprit;
        final int unrelated;
        final Set<String> noisy;
        final Random random = new Random(5);

        Simulated(int culprit, int unrelated, Set<String> noisy) {
            this.culprit = culprit;
            this.unrelated = unrelated;
            this.noisy = noisy;
        }

        @Override
        public Path build(String commit) {
            built.add(commit);
            return Path.of(commit + ".jar");
        }

        @Override
        public BenchOutcome compare(Path baseJar, Path headJar, int forks, int run) {
            String head = headJar.toString().replace(".jar", "");
            BenchSide base = side(commits.indexOf(baseJar.toString().replace(".jar", "")), forks);
            if (noisy.contains(head)) {
                return BenchComparator.compare(List.of(), Policy.defaults(), BenchPolicy.defaults());
            }
            return BenchComparator.compare(List.of(new BenchmarkSamples("x.B.run", "ns/op", base,
                    side(commits.indexOf(head), forks))), Policy.defaults(), BenchPolicy.defaults());
        }

        private BenchSide side(int commit, int forks) {
            Predicate<Integer> from = first -> first > 0 && commit >= first;
            Map<String, Double> costs = Map.of("work", 1000.0, "compile", from.test(culprit) ? 1000.0 : 0,
                    "slow", from.test(unrelated) ? 600.0 : 0);
            double total = costs.values().stream().mapToDouble(Double::doubleValue).sum();
            List<Double> scores = new ArrayList<>();
            List<Profile> profiles = new ArrayList<>();
            for (int fork = 0; fork < forks; fork++) {
                scores.add(total * (1 + 0.01 * random.nextGaussian()));
                profiles.add(profile(costs, total));
            }
            return new BenchSide(scores, List.of(), scores, profiles);
        }

        /** {@code run_jmhStub -> run -> work | compile | slow}, 2000 CPU samples split at random by the costs. */
        private Profile profile(Map<String, Double> costs, double total) {
            FrameTable frames = new FrameTable();
            CallTree tree = new CallTree(2);
            int runNode = tree.child(tree.child(CallTree.ROOT, frames.intern("run_jmhStub", "", 0)),
                    frames.intern("run", "B.java", 10));
            for (String function : List.of("work", "compile", "slow")) {
                long samples = 0;
                for (int i = 0; i < 2000; i++) {
                    samples += random.nextDouble() < costs.get(function) / total ? 1 : 0;
                }
                if (samples > 0) {
                    int node = tree.child(runNode, frames.intern(function, "B.java", 20));
                    tree.addSelf(node, 0, samples * PERIOD);
                    tree.addSelf(node, 1, samples * PERIOD);
                }
            }
            return new Profile("fork", new ProfileHeader(COLUMNS, 1, COLUMNS.get(0), PERIOD, 0, 0), frames, tree,
                    null);
        }
    }
}
