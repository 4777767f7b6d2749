package dev.profgate.attribution;

import dev.profgate.analysis.Finding;
import dev.profgate.report.Markdown;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The attribution in Markdown: the job summary's table of every regression with the changes it is attributed to,
 * and the sticky comment to a pull request implicated in a deploy's regression (hidden marker per deploy and gate).
 * Every name, subject and evidence text from the profiles or the repository is escaped.
 */
public final class AttributionMarkdown {
    private static final String MARKER_PREFIX = "<!-- profgate:attribution=";

    private AttributionMarkdown() {
    }

    /** The hidden marker of the comment for deploy (or range) {@code deploy} under gate {@code gate}. */
    public static String marker(String deploy, String gate) {
        return MARKER_PREFIX + (deploy + "/" + gate).replaceAll("[^A-Za-z0-9._/:@-]", "-") + " -->";
    }

    /** The job summary section: a row per suspect of every attribution ({@code prs}: commit hash to PR numbers). */
    public static String summary(List<Attribution> attributions, ChangeSet changes, Map<String, List<Integer>> prs) {
        StringBuilder out = new StringBuilder("### profgate attribution: ").append(changes.range()).append(" (")
                .append(changes.commits().size()).append(" commits)\n\n");
        if (attributions.isEmpty()) {
            return out.append("No regression to attribute.\n").toString();
        }
        out.append("| finding | change | attributed to | confidence | evidence |\n|---|---|---|---|---|\n");
        for (Attribution a : attributions) {
            String finding = Markdown.text(path(a)) + " | " + change(a.finding());
            if (a.suspects().isEmpty()) {
                out.append("| ").append(finding).append(" | — | — | ").append(Markdown.text(a.note())).append(" |\n");
            }
            for (int i = 0; i < a.suspects().size(); i++) {
                Suspect s = a.suspects().get(i);
                out.append("| ").append(i == 0 ? finding : " | ").append(" | ").append(commit(s.commit(), prs))
                        .append(" | ").append(s.confidence().label()).append(" | ")
                        .append(Markdown.text(s.evidence())).append(" |\n");
            }
        }
        return out.toString();
    }

    /** The comment to pull request {@code pr}: the regressions its commits are implicated in, with evidence. */
    public static String pullRequestComment(String marker, int pr, String deploy, String verdict,
                                            List<Attribution> attributions, Map<String, List<Integer>> prs) {
        StringBuilder out = new StringBuilder(marker).append("\n### profgate: a regression after ")
                .append(Markdown.text(deploy)).append(" is attributed to this pull request\n\nVerdict: **")
                .append(Markdown.text(verdict)).append("**.\n\n");
        for (Attribution a : attributions) {
            for (Suspect s : a.implicated()) {
                if (prs.getOrDefault(s.commit().sha(), List.of()).contains(pr)) {
                    out.append("- ").append(Markdown.text(path(a))).append(' ').append(change(a.finding()))
                            .append(": **").append(s.confidence().label()).append("** confidence. Commit ")
                            .append(s.commit().shortSha()).append(" (").append(Markdown.text(s.commit().subject()))
                            .append(") ").append(Markdown.text(s.evidence())).append(".\n");
                }
            }
        }
        return out.append("\nThe full attribution is in the job summary.\n").toString();
    }

    /** {@code Pattern.compile ← CardValidator.isValid}: the culprit and the application frame it was traced to. */
    static String path(Attribution a) {
        String culprit = shortName(a.finding().function());
        return a.frame().isEmpty() || a.frame().equals(a.finding().function()) ? culprit
                : culprit + " ← " + shortName(a.frame());
    }

    private static String change(Finding f) {
        return String.format(Locale.ROOT, "%+.1f pp %s", f.delta() * 100, f.metric().label());
    }

    private static String commit(Commit commit, Map<String, List<Integer>> prs) {
        List<Integer> numbers = prs.getOrDefault(commit.sha(), List.of());
        String pulls = numbers.stream().map(n -> "PR #" + n).collect(Collectors.joining(", "));
        return (pulls.isEmpty() ? "" : pulls + " ") + commit.shortSha() + " " + Markdown.text(commit.subject());
    }

    /** The last two dot-separated parts of a function name ({@code CardValidator.isValid}). */
    private static String shortName(String function) {
        String[] parts = function.substring(function.lastIndexOf('/') + 1).split("\\.");
        return parts.length <= 2 ? function : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }
}
