package dev.profgate.publish;

import dev.profgate.analysis.SourceRef;
import dev.profgate.analysis.Verdict;
import dev.profgate.base.Names;
import dev.profgate.source.RepoFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The check run annotations of a report: one per catalog rule hit of a finding that warns or fails, on the line of
 * the application frame the rule names (where the fix goes), and one on the culprit's own line when the profile
 * places it in a repository file. Findings that pass (improvements, insignificant changes) are not annotated; a
 * location is annotated once.
 */
public final class Annotations {
    /** GitHub's limit for an annotation title. */
    static final int MAX_TITLE = 255;

    private Annotations() {
    }

    /** The annotations of {@code report} whose frames {@code files} maps to repository lines. */
    public static List<Annotation> of(ReportFolder report, RepoFiles files) {
        Map<String, Annotation> byLocation = new LinkedHashMap<>();
        for (ReportFinding finding : report.findings()) {
            if (finding.severity() == Verdict.PASS) {
                continue;
            }
            for (ReportFinding.Rule rule : finding.rules()) {
                String title = rule.title() + " (" + rule.id() + ")";
                String message = Names.printable(rule.caller()) + ": " + change(finding) + ". " + rule.advice();
                place(files, rule.source(), rule.caller(), finding, title, message).ifPresent(a -> add(byLocation, a));
            }
            String title = "profgate " + finding.kind() + ": " + finding.function();
            place(files, finding.source(), finding.function(), finding, title, change(finding) + ". Call path: "
                    + String.join(" → ", finding.callPath().stream().map(Names::printable).toList()) + ".")
                    .ifPresent(a -> add(byLocation, a));
        }
        return new ArrayList<>(byLocation.values());
    }

    private static Optional<Annotation> place(RepoFiles files, SourceRef source, String function, ReportFinding finding,
                                              String title, String message) {
        if (source.line() <= 0) {
            return Optional.empty();
        }
        Annotation.Level level = finding.severity() == Verdict.FAIL ? Annotation.Level.FAILURE
                : Annotation.Level.WARNING;
        return files.resolve(source.file(), function).map(path -> new Annotation(path, source.line(), level,
                shorten(Names.printable(title)), Names.printable(message)));
    }

    private static String change(ReportFinding finding) {
        String benchmark = finding.benchmark().isEmpty() ? "" : " in " + finding.benchmark();
        return Names.printable(finding.function()) + " " + String.format(Locale.ROOT, "%+.1f", finding.delta() * 100)
                + " pp of " + (finding.kind().isEmpty() ? "the profile" : finding.kind()) + benchmark;
    }

    private static void add(Map<String, Annotation> byLocation, Annotation annotation) {
        byLocation.putIfAbsent(annotation.path() + ":" + annotation.line() + ":" + annotation.title(), annotation);
    }

    private static String shorten(String title) {
        return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE - 1) + "…";
    }
}
