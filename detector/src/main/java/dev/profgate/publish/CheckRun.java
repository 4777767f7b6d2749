package dev.profgate.publish;

import dev.profgate.analysis.Verdict;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHCheckRunBuilder;

/**
 * The {@value #NAME} check run on the head commit: completed, its conclusion from the verdict ({@code failure} when
 * the verdict fails the gate, {@code neutral} for a warning that does not, {@code success} on pass), the report as its
 * summary, and the annotations on the regressed and flagged source lines.
 */
final class CheckRun {
    /** The check run's name. */
    static final String NAME = "profgate";

    private CheckRun() {
    }

    /** Creates the check run and returns its web address (null when GitHub gives none). */
    static String publish(GitHubApi api, String headSha, ReportFolder report, String summary,
                          List<Annotation> annotations, Predicate<Verdict> failsGate, String detailsUrl) {
        GHCheckRunBuilder.Output output = new GHCheckRunBuilder.Output(title(report),
                Bodies.fit(summary, Bodies.MAX_CHARS));
        for (Annotation a : annotations) {
            output.add(new GHCheckRunBuilder.Annotation(a.path(), a.line(), level(a.level()), a.message())
                    .withTitle(a.title()));
        }
        GHCheckRunBuilder builder = api.checkRun(NAME, headSha).withStatus(GHCheckRun.Status.COMPLETED)
                .withConclusion(conclusion(report.verdict(), failsGate)).withCompletedAt(new Date())
                .withDetailsURL(detailsUrl).add(output);
        GHCheckRun run = api.createCheckRun(builder);
        return run.getHtmlUrl() == null ? null : run.getHtmlUrl().toString();
    }

    /** The conclusion for {@code verdict}. */
    static GHCheckRun.Conclusion conclusion(Verdict verdict, Predicate<Verdict> failsGate) {
        if (failsGate.test(verdict)) {
            return GHCheckRun.Conclusion.FAILURE;
        }
        return verdict == Verdict.PASS ? GHCheckRun.Conclusion.SUCCESS : GHCheckRun.Conclusion.NEUTRAL;
    }

    private static String title(ReportFolder report) {
        return "profgate " + report.verdict().name() + " (gate " + report.gate() + "): "
                + report.countSeverity(Verdict.FAIL) + " failing, " + report.countSeverity(Verdict.WARN)
                + " warning, " + report.findings().size() + " findings";
    }

    private static GHCheckRun.AnnotationLevel level(Annotation.Level level) {
        return level == Annotation.Level.FAILURE ? GHCheckRun.AnnotationLevel.FAILURE
                : GHCheckRun.AnnotationLevel.WARNING;
    }
}
