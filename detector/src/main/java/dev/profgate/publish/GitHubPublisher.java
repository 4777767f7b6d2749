package dev.profgate.publish;

import dev.profgate.analysis.Verdict;
import dev.profgate.report.Markdown;
import dev.profgate.source.RepoFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Publishes a finished report folder to GitHub: the sticky PR comment (when the event is a pull request), the
 * {@code profgate} check run with line annotations, the job summary and the step outputs. When the token may not
 * write (a pull request from a fork), the comment and check run are skipped with a warning and the report still goes
 * to the job summary; any other GitHub API failure is a {@link dev.profgate.base.BadInputException} naming the call
 * (after the job summary is written). The one entry point for every command's {@code --github}.
 */
public final class GitHubPublisher {
    private GitHubPublisher() {
    }

    /** Publishes {@code reportDir} (written by profgate {@code --out}) to the GitHub of {@code env}. */
    public static PublishResult publish(Path reportDir, GitHubEnvironment env, PublishSettings settings) {
        ReportFolder report = ReportFolder.read(reportDir);
        List<String> warnings = new ArrayList<>();
        List<Annotation> annotations = Annotations.of(report, RepoFiles.of(env.workspace(), warnings));
        String body = Bodies.fit(Bodies.withLinks(Bodies.withRepositoryLinks(report.markdown(), env.blobUrl()),
                settings.flameGraphUrl(report), settings.artifactUrl(), env.runUrl()), Bodies.MAX_CHARS);
        Posts posts = new Posts();
        try {
            post(report, env, settings, annotations, body, posts);
        } catch (GitHubApiException e) {
            if (!e.readOnlyToken()) {
                throw e.toUserError();
            }
            warnings.add("the token may not write to " + env.repository() + " (" + e.getMessage() + "); a pull "
                    + "request from a fork gets a read-only token, so the report is in the job summary only");
        } finally {
            ActionsFiles.appendSummary(env.summaryFile(), summary(body, warnings, env.token()));
        }
        PublishResult result = new PublishResult(report.verdict(), posts.comment.outcome().name()
                .toLowerCase(Locale.ROOT), posts.comment.url(), posts.checkRunUrl, posts.annotations, warnings);
        ActionsFiles.appendOutputs(env.outputFile(), outputs(report, result));
        return result;
    }

    private static void post(ReportFolder report, GitHubEnvironment env, PublishSettings settings,
                             List<Annotation> annotations, String body, Posts posts) {
        GitHubApi api = GitHubApi.connect(env);
        if (env.pullRequest() > 0) {
            posts.comment = StickyComment.publish(api, env.pullRequest(), report.marker(), body, settings.comment(),
                    report.verdict());
        }
        String details = settings.artifactUrl() != null ? settings.artifactUrl() : env.runUrl();
        posts.checkRunUrl = CheckRun.publish(api, env.headSha(), report, body, annotations, settings.failsGate(),
                details);
        posts.annotations = annotations.size();
    }

    private static String summary(String body, List<String> warnings, GitHubToken token) {
        StringBuilder out = new StringBuilder();
        warnings.forEach(w -> out.append("> **Warning:** ").append(Markdown.text(token.redact(w))).append("\n\n"));
        return out.append(body).toString();
    }

    private static Map<String, String> outputs(ReportFolder report, PublishResult result) {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("verdict", report.verdict().label());
        outputs.put("report-dir", report.dir().toAbsolutePath().toString());
        outputs.put("findings", Integer.toString(report.findings().size()));
        outputs.put("failing", Long.toString(report.countSeverity(Verdict.FAIL)));
        outputs.put("warnings", Long.toString(report.countSeverity(Verdict.WARN)));
        outputs.put("regressions", Long.toString(report.countKinds("regression", "new")));
        outputs.put("improvements", Long.toString(report.countKinds("improvement", "gone")));
        outputs.put("comment", result.comment());
        outputs.put("comment-url", result.commentUrl() == null ? "" : result.commentUrl());
        outputs.put("check-run-url", result.checkRunUrl() == null ? "" : result.checkRunUrl());
        outputs.put("annotations", Integer.toString(result.annotations()));
        return outputs;
    }

    /** What was posted so far (kept when a later write is refused). */
    private static final class Posts {
        StickyComment.Result comment = new StickyComment.Result(StickyComment.Outcome.SKIPPED, null);
        String checkRunUrl;
        int annotations;
    }
}
