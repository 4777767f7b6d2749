package dev.profgate.attribution;

import dev.profgate.analysis.Verdict;
import dev.profgate.base.BadInputException;
import dev.profgate.publish.ActionsFiles;
import dev.profgate.publish.CommentMode;
import dev.profgate.publish.GitHubApi;
import dev.profgate.publish.GitHubApiException;
import dev.profgate.publish.GitHubEnvironment;
import dev.profgate.publish.StickyComment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.kohsuke.github.GHDeployment;
import org.kohsuke.github.GHDeploymentState;

/**
 * Reports an attribution to GitHub: finds each suspect commit's pull requests, writes one sticky comment per deploy
 * and gate to every pull request implicated with high or medium confidence (updated in place on a rerun), posts a
 * deployment status on the deployment of the head commit when there is one, and appends the attribution table to
 * the job summary (also when a call fails; the failure is then a one-line {@link BadInputException}).
 */
public final class AttributionPublisher {
    private static final int MAX_DESCRIPTION = 140;

    private AttributionPublisher() {
    }

    /** What was reported: the pull requests commented on and the deployment status state (null: none posted). */
    public record Result(List<Integer> commented, String deploymentState) {
        public Result {
            commented = List.copyOf(commented);
        }
    }

    /** The head commit of the newest successful deployment to {@code environment} other than {@code env}'s head. */
    public static String previousDeployment(GitHubEnvironment env, String environment) {
        GitHubApi api = connect(env);
        try {
            for (GHDeployment deployment : api.deployments(environment)) {
                if (!deployment.getSha().equals(env.headSha()) && api.succeeded(deployment)) {
                    return deployment.getSha();
                }
            }
        } catch (GitHubApiException e) {
            throw e.toUserError();
        }
        throw new BadInputException("--environment", "no earlier successful deployment to '" + environment + "' in "
                + env.repository() + "; give --base-ref");
    }

    /** The pull requests of commit {@code sha} ({@code GET /repos/{owner}/{repo}/commits/{sha}/pulls}). */
    public static List<Integer> pullRequestsOf(GitHubEnvironment env, String sha) {
        try {
            return connect(env).pullRequestsOf(sha);
        } catch (GitHubApiException e) {
            throw e.toUserError();
        }
    }

    /**
     * Publishes {@code attributions} of the deploy or range {@code changes} under {@code gate} with the run's
     * {@code verdict}; {@code environment} (may be null) names the deployment to post a status on.
     */
    public static Result publish(GitHubEnvironment env, List<Attribution> attributions, ChangeSet changes,
                                 String gate, Verdict verdict, String environment) {
        Map<String, List<Integer>> prs = new LinkedHashMap<>();
        List<Integer> commented = new ArrayList<>();
        String state = null;
        try {
            GitHubApi api = connect(env);
            attributions.stream().flatMap(a -> a.suspects().stream()).map(s -> s.commit().sha()).distinct()
                    .forEach(sha -> prs.put(sha, api.pullRequestsOf(sha)));
            String deploy = (environment == null ? "" : environment + "@") + ChangeSet.abbreviate(changes.head());
            String marker = AttributionMarkdown.marker(deploy, gate);
            for (int pr : implicated(attributions, prs)) {
                StickyComment.publish(api, pr, marker, AttributionMarkdown.pullRequestComment(marker, pr,
                        describe(environment, changes), verdict.label(), attributions, prs), CommentMode.ALWAYS, verdict);
                commented.add(pr);
            }
            state = environment == null ? null : deploymentStatus(api, environment, changes.head(), env.runUrl(),
                    description(gate, verdict, attributions, prs));
        } catch (GitHubApiException e) {
            throw e.toUserError();
        } finally {
            ActionsFiles.appendSummary(env.summaryFile(), AttributionMarkdown.summary(attributions, changes, prs));
        }
        return new Result(commented, state);
    }

    private static TreeSet<Integer> implicated(List<Attribution> attributions, Map<String, List<Integer>> prs) {
        TreeSet<Integer> numbers = new TreeSet<>();
        attributions.stream().flatMap(a -> a.implicated().stream())
                .forEach(s -> numbers.addAll(prs.getOrDefault(s.commit().sha(), List.of())));
        return numbers;
    }

    private static String deploymentStatus(GitHubApi api, String environment, String head, String runUrl,
                                           Description description) {
        Optional<GHDeployment> deployment = api.deployments(environment).stream()
                .filter(d -> d.getSha().equals(head)).findFirst();
        if (deployment.isEmpty()) {
            return null;
        }
        GHDeploymentState state = description.failed() ? GHDeploymentState.FAILURE : GHDeploymentState.SUCCESS;
        api.createDeploymentStatus(deployment.get(), state, description.text(), runUrl);
        return state.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The deployment status text and whether the gate failed. */
    private record Description(String text, boolean failed) {
    }

    private static Description description(String gate, Verdict verdict, List<Attribution> attributions,
                                           Map<String, List<Integer>> prs) {
        StringBuilder text = new StringBuilder("profgate ").append(gate).append(": ").append(verdict.label());
        for (Attribution a : attributions) {
            Optional<Suspect> top = a.implicated().stream().findFirst();
            text.append("; ").append(a.finding().function().replaceAll(".*[./]", "")).append(top
                    .map(s -> " <- " + prs.getOrDefault(s.commit().sha(), List.of()).stream().map(n -> "PR #" + n)
                            .reduce((x, y) -> x + ", " + y).orElse(s.commit().shortSha()))
                    .orElse(" (no matching change)"));
        }
        String line = text.length() <= MAX_DESCRIPTION ? text.toString() : text.substring(0, MAX_DESCRIPTION - 1)
                + "…";
        return new Description(line, verdict == Verdict.FAIL);
    }

    private static String describe(String environment, ChangeSet changes) {
        return (environment == null ? "commits " : "the deploy to " + environment + " of ") + changes.range();
    }


    private static GitHubApi connect(GitHubEnvironment env) {
        try {
            return GitHubApi.connect(env);
        } catch (GitHubApiException e) {
            throw e.toUserError();
        }
    }
}
