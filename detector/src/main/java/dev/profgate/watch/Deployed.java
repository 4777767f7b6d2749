package dev.profgate.watch;

import dev.profgate.attribution.Attribution;
import dev.profgate.attribution.Suspect;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a change point is attributed to: the deploy around its step ({@code match}, null when none was within a
 * step), and, when the deploys are commits of a repository, the commits of the deploy that changed the culprit's
 * code ({@code attribution}, null when not asked) with their pull requests ({@code prs}: commit hash to numbers).
 */
public record Deployed(ChangePoint point, Match match, Attribution attribution, Map<String, List<Integer>> prs) {
    public Deployed {
        prs = Map.copyOf(prs);
    }

    /** The deploy nearest the change and the one before it (null for the first deploy listed). */
    public record Match(Deploy deploy, Deploy previous) {
    }

    /** One line: {@code after deploy v1.4.2 (2026-03-06T04:00:00Z)}, or that no deploy was near. */
    public String describe() {
        if (match == null) {
            return "no deploy within a step of the change";
        }
        Deploy deploy = match.deploy();
        return "after deploy " + deploy.version() + " (" + deploy.at() + ")";
    }

    /** The suspect commits of high or medium confidence, strongest first: {@code PR #12 0123456789ab subject}. */
    public List<String> commits() {
        if (attribution == null) {
            return List.of();
        }
        return attribution.implicated().stream().map(this::commit).toList();
    }

    private String commit(Suspect suspect) {
        String pulls = prs.getOrDefault(suspect.commit().sha(), List.of()).stream().map(n -> "PR #" + n)
                .collect(Collectors.joining(", "));
        return (pulls.isEmpty() ? "" : pulls + " ") + suspect.commit().shortSha() + " " + suspect.commit().subject()
                + " (" + suspect.confidence().label() + ")";
    }
}
