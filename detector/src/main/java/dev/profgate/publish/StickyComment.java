package dev.profgate.publish;

import dev.profgate.analysis.Verdict;
import java.util.Optional;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;

/**
 * The one pull-request comment of a gate: found among the PR's comments by the gate's hidden marker on its first
 * line, created the first time, then edited in place on every later run (never a new comment per push).
 */
public final class StickyComment {
    /** What happened to the comment. */
    enum Outcome {
        CREATED, UPDATED, UNCHANGED, SKIPPED
    }

    /** The outcome and the comment's web address (null when there is no comment). */
    record Result(Outcome outcome, String url) {
    }

    private StickyComment() {
    }

    /** Writes {@code body} (whose first line is {@code marker}) to pull request {@code number} as {@code mode} says. */
    public static Result publish(GitHubApi api, int number, String marker, String body, CommentMode mode, Verdict verdict) {
        if (mode == CommentMode.NEVER) {
            return new Result(Outcome.SKIPPED, null);
        }
        GHIssue pullRequest = api.pullRequest(number);
        Optional<GHIssueComment> existing = api.comments(pullRequest).stream()
                .filter(c -> c.getBody() != null && c.getBody().startsWith(marker)).findFirst();
        if (existing.isPresent()) {
            GHIssueComment comment = existing.get();
            if (mode == CommentMode.ON_CHANGE && body.equals(comment.getBody())) {
                return new Result(Outcome.UNCHANGED, url(comment));
            }
            api.updateComment(comment, body);
            return new Result(Outcome.UPDATED, url(comment));
        }
        if (mode == CommentMode.ON_CHANGE && verdict == Verdict.PASS) {
            return new Result(Outcome.SKIPPED, null);
        }
        return new Result(Outcome.CREATED, url(api.createComment(pullRequest, body)));
    }

    private static String url(GHIssueComment comment) {
        return comment.getHtmlUrl() == null ? null : comment.getHtmlUrl().toString();
    }
}
