package dev.profgate.bisect;

import dev.profgate.analysis.Finding;
import dev.profgate.analysis.FindingKind;
import dev.profgate.analysis.FlameTree;
import dev.profgate.analysis.Verdict;
import dev.profgate.attribution.ChangeSet;
import dev.profgate.attribution.Commit;
import dev.profgate.base.BadInputException;
import dev.profgate.bench.BenchOutcome;
import dev.profgate.bench.BenchmarkResult;
import dev.profgate.bench.ProfileComparison;
import dev.profgate.bench.ScoreComparison;
import dev.profgate.source.Git;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the first commit that brought a regression with bench runs, as {@code git bisect} would with a benchmark
 * for a test. One run compares good with bad and picks the culprit function (the first significant regression of
 * the run, or the one named). The commits searched are the first-parent history of bad after good (on a main branch:
 * the merges of the pull requests, each judged as a whole); each step runs the benchmarks of the good revision
 * against the middle commit of the range still open. A step is bad when the same culprit function regresses
 * significantly: listed as a regression by the comparison, or its total share grown by more than half the confirmed
 * regression with 3 binomial standard errors to spare. Another slowdown (a different function, or the score alone)
 * is another change, which this search is not following. A step is good when the culprit's total share change plus
 * 3 standard errors stays below half the confirmed regression; otherwise it is inconclusive, run once more with
 * twice the forks, and if still inconclusive the search stops and reports the range left. Each revision is built
 * once.
 */
public final class Bisection {
    private final Git git;
    private final Bench bench;
    private final int forks;
    private final String culpritName;
    private final Map<String, Path> jars = new HashMap<>();

    /** Builds revisions into benchmark jars and compares two jars (the bench mode). */
    public interface Bench {
        /** The benchmarks jar of {@code commit} (a full hash), built from it. */
        Path build(String commit);

        /** Runs {@code baseJar} against {@code headJar} with {@code forks} forks a side; {@code run} is 1-based. */
        BenchOutcome compare(Path baseJar, Path headJar, int forks, int run);
    }

    /** A bisection in {@code git} running {@code bench} with {@code forks} forks; {@code culpritName} may be null. */
    public Bisection(Git git, Bench bench, int forks, String culpritName) {
        this.git = git;
        this.bench = bench;
        this.forks = forks;
        this.culpritName = culpritName;
    }

    /** Bisects {@code goodRev..badRev}; throws {@link BadInputException} when they are no such range. */
    public BisectResult run(String goodRev, String badRev) {
        String good = git.resolve(goodRev, "--good");
        String bad = git.resolve(badRev, "--bad");
        List<Commit> commits = firstParentCommits(goodRev, good, bad);
        Commit badCommit = commits.get(commits.size() - 1);
        List<BisectStep> steps = new ArrayList<>();
        BenchOutcome confirming = compare(good, badCommit, forks, 1);
        Optional<Found> culprit = culprit(confirming);
        if (culprit.isEmpty()) {
            steps.add(new BisectStep(1, badCommit, forks, BisectStep.Mark.GOOD, "no significant regression"
                    + (culpritName == null ? "" : " of a function named " + culpritName) + scores(confirming, null)));
            return result(good, bad, commits, null, steps, -1, -1, "no culprit: the bad revision shows no significant "
                    + "function regression against the good one, so there is nothing to bisect");
        }
        Culprit followed = culprit.get().culprit();
        steps.add(new BisectStep(1, badCommit, forks, BisectStep.Mark.BAD, regressed(culprit.get(), confirming)));
        int lastGood = -1;
        int firstBad = commits.size() - 1;
        while (firstBad - lastGood > 1) {
            int middle = Math.floorDiv(lastGood + firstBad, 2);
            BisectStep step = step(good, commits.get(middle), followed, forks, steps.size() + 1);
            steps.add(step);
            if (step.mark() == BisectStep.Mark.INCONCLUSIVE) {
                step = step(good, commits.get(middle), followed, forks * 2, steps.size() + 1);
                steps.add(step);
            }
            if (step.mark() == BisectStep.Mark.INCONCLUSIVE) {
                return result(good, bad, commits, followed, steps, lastGood, firstBad, "inconclusive: "
                        + commits.get(middle).shortSha() + " could not be judged, also with " + step.forks()
                        + " forks; the first bad commit is one of the " + (firstBad - lastGood) + " commits after "
                        + ChangeSet.abbreviate(at(commits, lastGood, good)) + " up to " + commits.get(firstBad).shortSha());
            }
            if (step.mark() == BisectStep.Mark.BAD) {
                firstBad = middle;
            } else {
                lastGood = middle;
            }
        }
        Commit found = commits.get(firstBad);
        return result(good, bad, commits, followed, steps, lastGood, firstBad, "first bad commit: " + found.shortSha()
                + " " + found.subject() + " (" + followed.function() + " regressed from it on)");
    }

    private BisectResult result(String good, String bad, List<Commit> commits, Culprit culprit, List<BisectStep> steps,
                                int lastGood, int firstBad, String conclusion) {
        boolean found = culprit != null && firstBad - lastGood == 1;
        return new BisectResult(good, bad, commits, culprit, steps, found ? commits.get(firstBad) : null, List.of(),
                culprit == null ? good : at(commits, lastGood, good),
                culprit == null ? bad : commits.get(firstBad).sha(), jars.size(), conclusion);
    }

    private static String at(List<Commit> commits, int index, String good) {
        return index < 0 ? good : commits.get(index).sha();
    }

    /** The first-parent commits of {@code bad} after {@code good}, oldest first (bad last). */
    private List<Commit> firstParentCommits(String goodRev, String good, String bad) {
        try {
            git.run("merge-base", "--is-ancestor", good, bad);
        } catch (BadInputException e) {
            throw new BadInputException("--good " + goodRev, "is not an ancestor of --bad");
        }
        List<Commit> commits = new ArrayList<>();
        for (String line : git.run("log", "--first-parent", "--reverse", "--format=%H%x1f%s", good + ".." + bad)
                .split("\n")) {
            if (!line.isBlank()) {
                String[] fields = line.split("\u001f", 2);
                commits.add(new Commit(fields[0].strip(), fields.length > 1 ? fields[1] : "", List.of()));
            }
        }
        if (commits.isEmpty()) {
            throw new BadInputException("--good " + goodRev, "is the same commit as --bad: nothing to bisect");
        }
        return commits;
    }

    private BenchOutcome compare(String good, Commit commit, int forkCount, int run) {
        return bench.compare(jar(good), jar(commit.sha()), forkCount, run);
    }

    private Path jar(String commit) {
        return jars.computeIfAbsent(commit, bench::build);
    }

    private BisectStep step(String good, Commit commit, Culprit culprit, int forkCount, int run) {
        BenchOutcome outcome = compare(good, commit, forkCount, run);
        Optional<ProfileComparison> profile = outcome.benchmarks().stream()
                .filter(b -> b.benchmark().equals(culprit.benchmark())).flatMap(b -> b.profiles().stream())
                .filter(p -> p.comparison().profileType().equals(culprit.profileType())).findFirst();
        if (profile.isEmpty()) {
            return new BisectStep(run, commit, forkCount, BisectStep.Mark.INCONCLUSIVE, "no " + culprit.profileType()
                    + " profiles of " + culprit.benchmark() + " to compare" + scores(outcome, culprit));
        }
        Optional<Finding> regression = profile.get().comparison().findings().stream()
                .filter(f -> isRegression(f) && f.function().equals(culprit.function())).findFirst();
        if (regression.isPresent()) {
            return new BisectStep(run, commit, forkCount, BisectStep.Mark.BAD,
                    regressed(new Found(culprit, regression.get()), outcome));
        }
        Observed observed = Observed.of(profile.get().comparison().flame(), culprit.function());
        double half = culprit.delta() / 2;
        BisectStep.Mark mark = observed.lowerChange() > half ? BisectStep.Mark.BAD
                : observed.upperChange() < half ? BisectStep.Mark.GOOD : BisectStep.Mark.INCONCLUSIVE;
        return new BisectStep(run, commit, forkCount, mark, String.format(Locale.ROOT, "%s: not listed as a "
                + "regression; total share %.1f%% -> %.1f%%, change %+.1f to %+.1f pp (3 standard errors), %s half the "
                + "confirmed %+.1f pp", culprit.function(), observed.base() * 100, observed.head() * 100,
                observed.lowerChange() * 100, observed.upperChange() * 100, switch (mark) {
                    case BAD -> "all above";
                    case GOOD -> "all below";
                    case INCONCLUSIVE -> "across";
                }, culprit.delta() * 100) + scores(outcome, culprit));
    }

    /** The regression to follow: the named function's, else the first failing one, else the first warning one. */
    private Optional<Found> culprit(BenchOutcome outcome) {
        List<Found> regressions = new ArrayList<>();
        for (BenchmarkResult result : outcome.benchmarks()) {
            for (ProfileComparison profile : result.profiles()) {
                profile.comparison().findings().stream().filter(f -> isRegression(f) && named(f.function()))
                        .forEach(f -> regressions.add(new Found(new Culprit(result.benchmark(),
                                profile.comparison().profileType(), f.function(), f.base(), f.head(), f.delta()), f)));
            }
        }
        return regressions.stream().min(Comparator.comparingInt(found -> found.finding().severity() == Verdict.FAIL
                ? 0 : 1));
    }

    private boolean named(String function) {
        return culpritName == null || function.equals(culpritName) || function.endsWith("." + culpritName);
    }

    private static boolean isRegression(Finding finding) {
        return finding.kind() == FindingKind.REGRESSION || finding.kind() == FindingKind.NEW;
    }

    private static String regressed(Found found, BenchOutcome outcome) {
        Finding f = found.finding();
        return String.format(Locale.ROOT, "%s %+.1f pp %s share (%.1f%% -> %.1f%%, q %.2g) in %s %s",
                f.function(), f.delta() * 100, f.metric().label(), f.base() * 100, f.head() * 100, f.qValue(),
                found.culprit().benchmark(), found.culprit().profileType()) + scores(outcome, found.culprit());
    }

    /** The culprit benchmark's CPU time (else score) medians, or those of every benchmark when there is no culprit. */
    private static String scores(BenchOutcome outcome, Culprit culprit) {
        StringBuilder out = new StringBuilder();
        for (BenchmarkResult result : outcome.benchmarks()) {
            if (culprit == null || result.benchmark().equals(culprit.benchmark())) {
                ScoreComparison s = result.cpu() != null ? result.cpu() : result.score();
                out.append(String.format(Locale.ROOT, "; %s%s %s -> %s %s%s", culprit == null
                        ? result.benchmark() + " " : "", s.metric(), amount(s.baseMedian()), amount(s.headMedian()),
                        s.unit(), s.significant() ? "" : " (not significant)"));
            }
        }
        return out.toString();
    }

    /**
     * The culprit's total shares in a run's pooled base and head samples, and the range of changes they allow: the
     * observed change plus and minus 3 binomial standard errors (each share taken as at least one sample).
     */
    private record Observed(double base, double head, double lowerChange, double upperChange) {
        static Observed of(FlameTree flame, String function) {
            long[] totals = flame.functionTotals(function);
            double baseSamples = flame.baseTotal(0);
            double headSamples = flame.headTotal(0);
            if (baseSamples == 0 || headSamples == 0) {
                return new Observed(Double.NaN, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            }
            double base = totals[0] / baseSamples;
            double head = totals[1] / headSamples;
            double error = Math.sqrt(variance(base, baseSamples) + variance(head, headSamples));
            return new Observed(base, head, head - base - 3 * error, head - base + 3 * error);
        }

        private static double variance(double share, double samples) {
            double p = Math.max(share, 1 / samples);
            return p * (1 - p) / samples;
        }
    }

    /** {@code 18,562} or {@code 12.3}: whole numbers from 100 on, three significant digits below. */
    private static String amount(double value) {
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%,.0f" : "%.3g", value);
    }

    /** A regression finding and the culprit it makes. */
    private record Found(Culprit culprit, Finding finding) {
    }
}
