package dev.profgate.quarterly;

import dev.profgate.analysis.Growth;
import dev.profgate.base.BadInputException;
import dev.profgate.base.Progress;
import dev.profgate.config.RuleCatalogLoader;
import dev.profgate.config.Settings;
import dev.profgate.report.ReportWriter;
import dev.profgate.rules.RuleCatalog;
import dev.profgate.source.remote.TimeRange;
import dev.profgate.source.weekly.WeeklySource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The quarterly optimization report: streams the quarter's profiles, and the previous quarter's for the growers, from
 * a {@link WeeklySource} into per-service weekly aggregates (one profile in memory per reading thread; a service's
 * aggregates only until its section is built, see {@link ServiceSections}), builds the executive summary, and
 * writes HTML, Markdown, JSON and one trend chart per service into a folder atomically. {@code type} null means each
 * profile's default sample type.
 */
public record QuarterlyRun(Quarter quarter, WeeklySource source, String type, Settings settings) {
    /** Builds the report's data, telling {@code progress} each week read; no profile in the quarter is a user error. */
    public QuarterlyData analyse(Progress progress) {
        RuleCatalog catalog = RuleCatalogLoader.load(settings.rules());
        int weeks = quarter.weeks().size();
        List<TimeRange> both = new ArrayList<>(quarter.previousWeeks());
        both.addAll(quarter.weeks());
        ServiceSections services = new ServiceSections(weeks, catalog, settings.redaction(),
                new ServiceSection(settings.cost(), settings.policy(), quarter.hours()));
        WeekProgress reading = new WeekProgress(services, quarter, progress);
        source.read(both, type, reading);
        reading.finish();
        List<QuarterlyData.Service> built = services.all();
        if (built.isEmpty()) {
            throw new BadInputException(source.describe(), "no profiles with samples from " + quarter.from()
                    + " to " + quarter.to());
        }
        return new QuarterlyData(quarter.name(), quarter.from().toString(), quarter.to().toString(),
                quarter.weekLabels(), settings.redaction().apply(source.describe()), settings.cost(),
                summary(built, settings.cost().currency()), built, notes());
    }

    /** Analyses, telling {@code progress} each week read, and writes the report folder; returns the data. */
    public QuarterlyData writeTo(Path out, Progress progress) {
        QuarterlyData data = analyse(progress);
        ReportWriter.writeFiles(QuarterlyReport.render(data), out);
        return data;
    }

    private static List<String> summary(List<QuarterlyData.Service> services, String currency) {
        List<String> lines = new ArrayList<>();
        long samples = services.stream().mapToLong(QuarterlyData.Service::samples).sum();
        lines.add(String.format(Locale.ROOT, "%d service(s), %,d samples.", services.size(), samples));
        services.stream().filter(s -> !s.growers().isEmpty())
                .max(Comparator.comparingDouble(s -> s.growers().get(0).delta()))
                .ifPresent(s -> {
                    Growth g = s.growers().get(0);
                    lines.add(String.format(Locale.ROOT, "Biggest grower: %s in %s, %s %.2f%% -> %.2f%% (q = %.2g).",
                            g.function(), s.name(), s.growthMethod().shares().replace(" → ", " to "),
                            g.early() * 100, g.late() * 100, g.qValue()));
                });
        services.stream().filter(s -> !s.antiPatterns().isEmpty())
                .max(Comparator.comparingDouble(s -> s.antiPatterns().get(0).saving()))
                .ifPresent(s -> {
                    QuarterlyData.AntiPattern a = s.antiPatterns().get(0);
                    lines.add(String.format(Locale.ROOT, "Largest saving: %s (%s) in %s, called from %s since week "
                            + "%d, %.2f%% of CPU: about %,.0f %s per quarter.", a.title(), a.rule(), s.name(),
                            a.caller(), a.firstWeek(), a.share() * 100, a.saving(), currency));
                });
        services.stream().filter(s -> !s.topSelf().isEmpty())
                .max(Comparator.comparingDouble(s -> s.topSelf().get(0).selfCost()))
                .ifPresent(s -> {
                    QuarterlyData.FunctionRow r = s.topSelf().get(0);
                    lines.add(String.format(Locale.ROOT, "Most expensive function: %s in %s, %.2f%% self: about "
                            + "%,.0f %s per quarter.", r.function(), s.name(), r.selfShare() * 100, r.selfCost(),
                            currency));
                });
        return lines;
    }

    private List<String> notes() {
        return List.of("Profiles from " + settings.redaction().apply(source.describe()) + ", aggregated per service "
                        + "and week.",
                "Growers, weeks as replicates: the previous quarter's weeks against this quarter's with the engine's "
                        + "dispersion-shrunk count test when the source has them, else a trend within the quarter "
                        + "(Mann-Kendall's rank test of the weekly self share, its size Sen's slope); each service "
                        + "says which ran. Benjamini-Hochberg q <= " + settings.policy().fdr() + ", ranked by the "
                        + "change of self share (total share change shown beside it).",
                "Cost: share of the service's samples x fleet cores (" + settings.cost().fleetCores() + ") x hours "
                        + "of the quarter x price per core hour (" + settings.cost().coreHourPrice() + " "
                        + settings.cost().currency() + "), from the cost section of profgate.yml.",
                "Anti-patterns: samples running through a catalog rule's expensive frames since the week the rule "
                        + "was first seen; the saving assumes those samples go away when it is fixed (an upper "
                        + "bound).");
    }
}
