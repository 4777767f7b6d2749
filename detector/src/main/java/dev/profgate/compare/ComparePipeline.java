package dev.profgate.compare;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.ProfileComparator;
import dev.profgate.base.Workers;
import dev.profgate.config.Redaction;
import dev.profgate.config.RuleCatalogLoader;
import dev.profgate.config.Settings;
import dev.profgate.model.Profile;
import dev.profgate.report.MarkdownReport;
import dev.profgate.report.ReportData;
import dev.profgate.report.ReportLink;
import dev.profgate.report.RepoLines;
import dev.profgate.report.ReportWriter;
import dev.profgate.rules.RuleCatalog;
import dev.profgate.rules.RuleMatcher;
import dev.profgate.source.Side;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What {@code compare} and {@code deploy-check} share once both sides are loaded: the settings' policy and
 * redaction, the comparison with the sides' environment differences, the rule catalog (loaded only when there are
 * findings or a report folder), the rule matches, and the report folder. {@code type}, {@code out} and {@code gate}
 * may be null (see {@link CompareRun}).
 */
public record ComparePipeline(String type, Path out, String gate, Settings settings) {
    /** {@link #run} with the head side kept for attribution. */
    public CompareResult compare(Side base, Side head, List<String> notes, List<ReportLink> links) {
        return new CompareResult(run(base, head, notes, links), head, settings);
    }

    /**
     * Compares the sides, adds the sides' notes, {@code notes} and {@code links} to the report, places its findings on
     * the files of the git checkout of the working directory (if any), and writes the folder when asked. For a folder
     * the rule catalog is read beside the comparison.
     */
    ReportData run(Side base, Side head, List<String> notes, List<ReportLink> links) {
        Supplier<RuleCatalog> folderCatalog = out == null ? null
                : Workers.start(() -> RuleCatalogLoader.load(settings.rules()));
        Redaction redaction = settings.redaction();
        List<Profile> baseProfiles = redaction.apply(base.profiles());
        List<Profile> headProfiles = redaction.apply(head.profiles());
        Comparison comparison = ProfileComparator.compare(baseProfiles, headProfiles, type, settings.policy())
                .withEnvironmentMismatches(base.environment().mismatches(head.environment()))
                .withNotes(Stream.of(base.notes(), head.notes(), notes).flatMap(List::stream).distinct()
                        .map(redaction::apply).toList());
        RuleCatalog catalog = folderCatalog != null ? folderCatalog.get()
                : !comparison.findings().isEmpty() ? RuleCatalogLoader.load(settings.rules()) : RuleCatalog.NONE;
        ReportData report = new ReportData(comparison, gate != null ? gate : MarkdownReport.defaultGate(comparison),
                catalog, new RuleMatcher(catalog).match(comparison, baseProfiles, headProfiles), links,
                comparison.findings().isEmpty() ? RepoLines.NONE : RepoLines.ofWorkingDirectory());
        if (out != null) {
            ReportWriter.writeAll(report, out);
        }
        return report;
    }
}
