package dev.profgate.quarterly;

import dev.profgate.analysis.Growers;
import dev.profgate.analysis.Growth;
import dev.profgate.analysis.GrowthSignificance;
import dev.profgate.analysis.Policy;
import dev.profgate.analysis.WeeklyTrends;
import dev.profgate.config.CostSettings;
import dev.profgate.rules.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one service's aggregated weeks into its report section: top functions by self and total share with their
 * cost, the growers ({@link GrowthSignificance}), the anti-patterns ranked by estimated saving and the weekly trends of the
 * top functions and growers.
 */
final class ServiceSection {
    /** Functions listed per table. */
    static final int TOP = 10;
    /** Functions charted: the top by self share, then growers not among them. */
    static final int CHARTED = 6;
    /** A rule is reported when its frames hold at least this share of the samples since it was first seen. */
    static final double MIN_RULE_SHARE = 0.005;

    private final CostSettings cost;
    private final Policy policy;
    private final double quarterHours;

    ServiceSection(CostSettings cost, Policy policy, double quarterHours) {
        this.cost = cost;
        this.policy = policy;
        this.quarterHours = quarterHours;
    }

    QuarterlyData.Service build(String name, ServiceWeeks weeks) {
        WeeklyTrends trends = weeks.trends;
        List<QuarterlyData.FunctionRow> rows = rows(trends);
        List<QuarterlyData.FunctionRow> topSelf = rows.stream()
                .sorted(Comparator.comparingDouble(QuarterlyData.FunctionRow::selfShare).reversed()).limit(TOP).toList();
        List<QuarterlyData.FunctionRow> topTotal = rows.stream()
                .sorted(Comparator.comparingDouble(QuarterlyData.FunctionRow::totalShare).reversed()).limit(TOP).toList();
        Growers tested = GrowthSignificance.growers(weeks.previous, trends, policy.fdr(), policy.warn().absolute());
        List<Growth> growers = tested.list();
        Set<String> charted = new LinkedHashSet<>();
        topSelf.stream().limit(CHARTED - Math.min(2, growers.size())).forEach(row -> charted.add(row.function()));
        growers.stream().limit(CHARTED).forEach(growth -> charted.add(growth.function()));
        return new QuarterlyData.Service(name, trends.samples(), coreHours(), topSelf, topTotal,
                growers.stream().limit(TOP).toList(), tested.method(), antiPatterns(weeks), trendsOf(trends, charted));
    }

    private double coreHours() {
        return cost.fleetCores() * quarterHours;
    }

    private double costOf(double share) {
        return share * coreHours() * cost.coreHourPrice();
    }

    private List<QuarterlyData.FunctionRow> rows(WeeklyTrends trends) {
        double samples = trends.samples();
        List<QuarterlyData.FunctionRow> rows = new ArrayList<>();
        for (int f = 0; f < trends.functionCount(); f++) {
            double self = trends.quarter(f, true) / samples;
            double total = trends.quarter(f, false) / samples;
            rows.add(new QuarterlyData.FunctionRow(trends.function(f), self, total, costOf(self), costOf(total)));
        }
        return rows;
    }

    private List<QuarterlyData.AntiPattern> antiPatterns(ServiceWeeks weeks) {
        List<QuarterlyData.AntiPattern> found = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : weeks.ruleSamples.entrySet()) {
            long[] perWeek = entry.getValue();
            int first = 0;
            while (perWeek[first] == 0) {
                first++;
            }
            long samples = 0;
            long total = 0;
            for (int w = first; w < perWeek.length; w++) {
                samples += perWeek[w];
                total += weeks.trends.weekTotal(w);
            }
            double share = (double) samples / total;
            if (share >= MIN_RULE_SHARE) {
                Rule rule = weeks.catalog.rule(entry.getKey());
                String caller = weeks.ruleCallers.get(entry.getKey()).entrySet().stream()
                        .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                        .map(Map.Entry::getKey).orElse("");
                found.add(new QuarterlyData.AntiPattern(rule.id(), rule.title(), rule.advice(), caller, first + 1,
                        share, costOf(share)));
            }
        }
        found.sort(Comparator.comparingDouble(QuarterlyData.AntiPattern::saving).reversed()
                .thenComparing(QuarterlyData.AntiPattern::rule));
        return found;
    }

    private static List<QuarterlyData.Trend> trendsOf(WeeklyTrends trends, Set<String> functions) {
        List<QuarterlyData.Trend> lines = new ArrayList<>();
        for (int f = 0; f < trends.functionCount(); f++) {
            if (functions.contains(trends.function(f))) {
                double[] shares = new double[trends.weeks()];
                for (int w = 0; w < shares.length; w++) {
                    long total = trends.weekTotal(w);
                    shares[w] = total == 0 ? Double.NaN : (double) trends.self(f, w) / total;
                }
                lines.add(new QuarterlyData.Trend(trends.function(f), shares));
            }
        }
        return lines;
    }
}
