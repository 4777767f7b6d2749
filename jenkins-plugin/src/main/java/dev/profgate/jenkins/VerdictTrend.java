package dev.profgate.jenkins;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's profgate history: the builds with a report, oldest first, their verdict counts, and the functions that
 * regressed most often (then most) across them.
 */
public record VerdictTrend(List<BuildReport> builds) {
    public VerdictTrend {
        builds = builds.stream().sorted(Comparator.comparingInt(BuildReport::number)).toList();
    }

    /** How many builds ended in each verdict (every verdict present, 0 when none). */
    public Map<Verdict, Integer> counts() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            counts.put(verdict, 0);
        }
        builds.forEach(build -> counts.merge(build.summary().verdict(), 1, Integer::sum));
        return counts;
    }

    /** The newest build with a report, or null when there is none. */
    public BuildReport latest() {
        return builds.isEmpty() ? null : builds.get(builds.size() - 1);
    }

    /** The {@code limit} functions regressed in the most builds, ties broken by the largest share change. */
    public List<RegressionTrend> topRegressions(int limit) {
        Map<String, RegressionTrend> byFunction = new LinkedHashMap<>();
        for (BuildReport build : builds) {
            for (Finding finding : build.summary().findings()) {
                if (finding.isRegression()) {
                    byFunction.merge(finding.function(), new RegressionTrend(finding.function(), 1, build.number(),
                            finding.delta(), finding.delta()), VerdictTrend::later);
                }
            }
        }
        List<RegressionTrend> ranked = new ArrayList<>(byFunction.values());
        ranked.sort(Comparator.comparingInt(RegressionTrend::builds).reversed()
                .thenComparing(Comparator.comparingDouble(VerdictTrend::largest).reversed())
                .thenComparing(RegressionTrend::function));
        return ranked.subList(0, Math.min(limit, ranked.size()));
    }

    private static RegressionTrend later(RegressionTrend earlier, RegressionTrend newer) {
        double max = Math.max(largest(earlier), largest(newer));
        return new RegressionTrend(earlier.function(), earlier.builds() + newer.builds(), newer.latestBuild(),
                newer.latestDelta(), max == Double.NEGATIVE_INFINITY ? Double.NaN : max);
    }

    private static double largest(RegressionTrend trend) {
        return Double.isNaN(trend.maxDelta()) ? Double.NEGATIVE_INFINITY : trend.maxDelta();
    }
}
