package dev.profgate.analysis;

/** How a quarter's growers were tested: against the previous quarter's weeks, by a trend within the quarter, or not. */
public enum GrowthMethod {
    PREVIOUS_QUARTER("previous-quarter", "self share previous → this quarter",
            "the previous quarter's weeks against this quarter's weeks with the engine's dispersion-shrunk count "
                    + "test (weeks as replicates)"),
    TREND("trend", "self share first → last week (Sen's line)",
            "no previous quarter from the source, so a trend within the quarter: Mann-Kendall's rank test of each "
                    + "function's weekly self share, every week one replicate, its size Sen's slope"),
    NONE("none", "self share", "not tested: too few weeks with samples (needs " + GrowthSignificance.MIN_WEEKS_PER_SIDE
            + " weeks in each quarter, or " + TrendSignificance.MIN_WEEKS + " in this one)");

    private final String key;
    private final String shares;
    private final String description;

    GrowthMethod(String key, String shares, String description) {
        this.key = key;
        this.shares = shares;
        this.description = description;
    }

    /** The method's name in JSON. */
    public String key() {
        return key;
    }

    /** The heading of the shares column: what the two shares of a grower are. */
    public String shares() {
        return shares;
    }

    /** One sentence on what was tested. */
    public String description() {
        return description;
    }
}
