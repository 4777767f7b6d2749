package dev.profgate.publish;

import dev.profgate.analysis.Verdict;
import java.util.function.Predicate;

/**
 * How to publish: when to write the PR comment, which verdicts fail the gate (the check run's conclusion is
 * {@code failure} for those, {@code neutral} for other warnings, {@code success} on pass), and the link to the
 * uploaded report artifact ({@code null}: link to the workflow run instead).
 */
public record PublishSettings(CommentMode comment, Predicate<Verdict> failsGate, String artifactUrl) {
}
