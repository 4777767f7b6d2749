package dev.profgate.bench;

import dev.profgate.analysis.Finding;
import dev.profgate.analysis.Verdict;
import dev.profgate.report.Formats;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/** The wording of the bench reports shared by text and Markdown (raw strings; each report escapes them). */
public final class BenchLabels {
    /** Header of the benchmark table. */
    static final String[] SCORE_HEADER = {"benchmark", "metric", "base", "head", "change (95% CI)", "p", "q",
        "verdict"};

    /** The score table of the PR comment, narrow enough for GitHub's column: the verdict as an icon, no p. */
    static final String[] COMMENT_SCORE_HEADER = {"", "benchmark", "metric", "base → head", "change (95% CI)", "q"};

    private BenchLabels() {
    }

    /**
     * The rows of a benchmark, one per compared metric (score, CPU time), in {@link #SCORE_HEADER} order; {@code ~}
     * when the change is not significant.
     */
    static List<String[]> scoreRows(BenchmarkResult result) {
        return result.scores().stream().map(s -> new String[] {shortName(result.benchmark()), s.metric(),
            score(s.baseMedian(), s.unit()), score(s.headMedian(), s.unit()), s.significant() ? change(s) : "~",
            Formats.probability(s.pValue()), Formats.probability(s.qValue()), s.verdict().label()}).toList();
    }

    /** The text cells of a metric's row in the comment's table, after its icon ({@link #COMMENT_SCORE_HEADER}). */
    static List<String> commentScoreCells(BenchmarkResult result, ScoreComparison s) {
        return List.of(shortName(result.benchmark()), s.metric(), score(s.baseMedian(), s.unit()) + " → "
                + score(s.headMedian(), s.unit()), s.significant() ? change(s) : "~", Formats.probability(s.qValue()));
    }

    /** A benchmark without its package: {@code a.b.C.m:n=1} becomes {@code C.m:n=1}. */
    static String shortName(String benchmark) {
        int params = benchmark.indexOf(':');
        String name = params < 0 ? benchmark : benchmark.substring(0, params);
        int method = name.lastIndexOf('.');
        int type = method > 0 ? name.lastIndexOf('.', method - 1) : -1;
        return benchmark.substring(type + 1);
    }

    /**
     * A relative change with its interval, e.g. {@code +34.0% (+31.2% … +36.9%)} (slowdown positive); {@code *} marks
     * an interval below its nominal coverage (too few forks).
     */
    public static String change(ScoreComparison s) {
        return signedPercent(s.slowdown()) + " (" + signedPercent(s.slowdownCi().low()) + " … "
                + signedPercent(s.slowdownCi().high()) + ")" + (s.fullCoverage() ? "" : " *");
    }

    /** A score with its unit: thousands separated above 1,000, else three significant digits. */
    public static String score(double value, String unit) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        String number = Math.abs(value) >= 1000 ? String.format(Locale.ROOT, "%,.0f", value)
                : new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        return number + " " + unit;
    }

    /** The cost per operation attributed to a finding's function, e.g. {@code 12 → 1,031 ns/op}, empty when none. */
    static String perOp(ProfileComparison profile, Finding finding) {
        if (!profile.perOperation()) {
            return "";
        }
        return perOpNumber(profile.basePerOp(finding)) + " → " + perOpNumber(profile.headPerOp(finding)) + " "
                + profile.perOpUnit();
    }

    /** The verdict line: verdict, how many benchmarks got slower and how many function findings there are. */
    static String summary(BenchOutcome outcome) {
        long slower = outcome.benchmarks().stream().filter(b -> b.scoreVerdict() != Verdict.PASS).count();
        long findings = outcome.benchmarks().stream().flatMap(b -> b.profiles().stream())
                .mapToLong(p -> p.comparison().findings().size()).sum();
        return outcome.verdict().name() + "  " + slower + " of " + outcome.benchmarks().size() + " benchmarks slower, "
                + findings + (findings == 1 ? " function finding" : " function findings");
    }

    /** Title of one profile comparison, e.g. {@code PaymentBenchmarks.handle · cpu (10 vs 10 forks)}. */
    static String profileTitle(BenchmarkResult result, ProfileComparison profile) {
        return shortName(result.benchmark()) + " · " + profile.comparison().profileType() + " ("
                + profile.comparison().base().replicates() + " vs " + profile.comparison().head().replicates() + " forks)";
    }

    private static String perOpNumber(double value) {
        return Math.abs(value) >= 10 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String signedPercent(double fraction) {
        double percent = fraction * 100;
        return String.format(Locale.ROOT, Math.abs(percent) < 1 ? "%+.2f%%" : "%+.1f%%", percent);
    }
}
