package dev.profgate.publish;

import dev.profgate.analysis.Verdict;
import dev.profgate.report.FlameGraphHtml;
import java.util.function.Predicate;

/**
 * How to publish: when to write the PR comment, which verdicts fail the gate (the check run's conclusion is
 * {@code failure} for those, {@code neutral} for other warnings, {@code success} on pass), the link to the
 * uploaded report artifact ({@code null}: link to the workflow run instead), and the address where the report folder
 * is served ({@code null} when it is not), from which the flame graph is linked opened on the top culprit.
 */
public record PublishSettings(CommentMode comment, Predicate<Verdict> failsGate, String artifactUrl,
                              String reportUrl) {
    /** Settings without a served report folder. */
    public PublishSettings(CommentMode comment, Predicate<Verdict> failsGate, String artifactUrl) {
        this(comment, failsGate, artifactUrl, null);
    }

    /**
     * The served flame graph opened on the first finding of {@code report} (its page alone when there is none), or
     * null when the report folder is not served.
     */
    String flameGraphUrl(ReportFolder report) {
        if (reportUrl == null) {
            return null;
        }
        String page = reportUrl.replaceAll("/+$", "") + "/flamegraph.html";
        return report.findings().isEmpty() ? page : page + FlameGraphHtml.fragment(report.findings().get(0).function());
    }
}
