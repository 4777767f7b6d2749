package dev.profgate.quarterly;

import dev.profgate.analysis.Growth;
import dev.profgate.analysis.GrowthMethod;
import dev.profgate.config.CostSettings;
import java.util.List;

/**
 * Everything a quarterly optimization report shows: the quarter ({@code name} like {@code 2026-Q1}, dates, the
 * weeks' first days), where the profiles came from, the cost settings, the executive summary, one section per service
 * and notes on the method. Shares are fractions of the service's samples; costs are per quarter in the settings'
 * currency.
 */
public record QuarterlyData(String name, String from, String to, List<String> weeks, String source, CostSettings cost,
                            List<String> summary, List<Service> services, List<String> notes) {
    public QuarterlyData {
        weeks = List.copyOf(weeks);
        summary = List.copyOf(summary);
        services = List.copyOf(services);
        notes = List.copyOf(notes);
    }

    /**
     * One service's quarter: its samples, core hours, top functions, growers and how they were tested, anti-patterns
     * and weekly trends.
     */
    public record Service(String name, long samples, double coreHours, List<FunctionRow> topSelf,
                          List<FunctionRow> topTotal, List<Growth> growers, GrowthMethod growthMethod,
                          List<AntiPattern> antiPatterns, List<Trend> trends) {
        public Service {
            topSelf = List.copyOf(topSelf);
            topTotal = List.copyOf(topTotal);
            growers = List.copyOf(growers);
            antiPatterns = List.copyOf(antiPatterns);
            trends = List.copyOf(trends);
        }

        /** The file name of the service's trend chart. */
        public String chartFile() {
            return "trend-" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".svg";
        }
    }

    /** A function's quarter: self and total share and what each costs per quarter. */
    public record FunctionRow(String function, double selfShare, double totalShare, double selfCost,
                              double totalCost) {
    }

    /**
     * A catalog rule found in the profiles: the application frame most of it is called from, the first week (from 1)
     * it was seen, its share of the samples since then, and the estimated saving per quarter if it is fixed.
     */
    public record AntiPattern(String rule, String title, String advice, String caller, int firstWeek, double share,
                              double saving) {
    }

    /** A function's self share week by week (NaN for a week without samples). */
    public record Trend(String function, double[] shares) {
        public Trend {
            shares = shares.clone();
        }
    }
}
