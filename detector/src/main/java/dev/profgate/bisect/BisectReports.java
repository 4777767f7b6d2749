package dev.profgate.bisect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profgate.attribution.ChangeSet;
import dev.profgate.attribution.Commit;
import dev.profgate.base.Names;
import dev.profgate.report.JsonReport;
import dev.profgate.report.Markdown;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The reports of a bisection: text for the terminal, {@code bisect.md} (every name, subject and evidence escaped)
 * and {@code bisect.json} ({@code "mode": "bisect"}: the range, the culprit followed, every run with its mark and
 * evidence, the first bad commit and its pull requests or the range left, the number of bench runs and builds).
 */
public final class BisectReports {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BisectReports() {
    }

    /** File name to content of the report folder. */
    public static Map<String, String> files(BisectResult result) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("bisect.json", json(result));
        files.put("bisect.md", markdown(result));
        files.put("bisect.txt", text(result));
        return files;
    }

    /** The plain-text report. */
    public static String text(BisectResult r) {
        StringBuilder out = new StringBuilder("profgate bisect  good: ").append(ChangeSet.abbreviate(r.good()))
                .append("  bad: ").append(ChangeSet.abbreviate(r.bad())).append("  (").append(r.commits().size())
                .append(" first-parent commits after good)\n");
        out.append(r.culprit() == null ? "culprit: none\n" : "culprit: " + culprit(r.culprit()) + "\n\n");
        for (BisectStep step : r.steps()) {
            out.append(String.format(Locale.ROOT, "run %d  %s  %-12s  %d forks  %s%n    %s%n", step.run(),
                    step.mark().label().toUpperCase(Locale.ROOT), step.commit().shortSha(), step.forks(),
                    Names.printable(step.commit().subject()), Names.printable(step.evidence())));
        }
        out.append('\n').append(Names.printable(r.conclusion())).append('\n');
        if (r.found() && !r.pullRequests().isEmpty()) {
            out.append("pull request: ").append(pulls(r.pullRequests())).append('\n');
        }
        return out.append(counts(r)).append('\n').toString();
    }

    /** The Markdown report. */
    public static String markdown(BisectResult r) {
        StringBuilder out = new StringBuilder("## profgate bisect: ").append(ChangeSet.abbreviate(r.good()))
                .append("..").append(ChangeSet.abbreviate(r.bad())).append("\n\n");
        out.append("**").append(Markdown.text(r.conclusion())).append("**");
        if (r.found() && !r.pullRequests().isEmpty()) {
            out.append(" (").append(pulls(r.pullRequests())).append(')');
        }
        out.append("\n\nCulprit followed: ").append(r.culprit() == null ? "none" : Markdown.text(culprit(r.culprit())))
                .append(". Commits searched: the ").append(r.commits().size())
                .append(" first-parent commits of bad after good. ").append(counts(r)).append("\n\n");
        out.append("| run | commit | subject | forks | mark | evidence |\n|---|---|---|---|---|---|\n");
        for (BisectStep step : r.steps()) {
            out.append("| ").append(step.run()).append(" | ").append(step.commit().shortSha()).append(" | ")
                    .append(Markdown.text(step.commit().subject())).append(" | ").append(step.forks()).append(" | ")
                    .append(step.mark().label()).append(" | ").append(Markdown.text(step.evidence())).append(" |\n");
        }
        return out.toString();
    }

    /** The JSON report, ending in a newline. */
    public static String json(BisectResult r) {
        ObjectNode root = NODES.objectNode();
        root.put("schemaVersion", JsonReport.SCHEMA_VERSION);
        JsonReport.tool(root);
        root.put("mode", "bisect");
        root.put("good", r.good());
        root.put("bad", r.bad());
        root.put("commitsSearched", "first-parent");
        ArrayNode commits = root.putArray("commits");
        r.commits().forEach(c -> commits.add(commit(c)));
        if (r.culprit() == null) {
            root.putNull("culprit");
        } else {
            Culprit c = r.culprit();
            ObjectNode culprit = root.putObject("culprit").put("function", c.function())
                    .put("benchmark", c.benchmark()).put("profileType", c.profileType());
            JsonReport.number(culprit, "base", c.base());
            JsonReport.number(culprit, "head", c.head());
            JsonReport.number(culprit, "delta", c.delta());
        }
        ArrayNode steps = root.putArray("steps");
        for (BisectStep step : r.steps()) {
            steps.addObject().put("run", step.run()).put("commit", step.commit().sha()).put("forks", step.forks())
                    .put("mark", step.mark().label()).put("evidence", step.evidence());
        }
        if (r.found()) {
            ObjectNode first = commit(r.firstBad());
            r.pullRequests().forEach(first.putArray("pullRequests")::add);
            root.set("firstBad", first);
        } else {
            root.putNull("firstBad");
        }
        root.putObject("range").put("lastGood", r.lastGood()).put("firstKnownBad", r.firstKnownBad());
        root.put("benchRuns", r.benchRuns());
        root.put("builds", r.builds());
        root.put("conclusion", r.conclusion());
        return JsonReport.text(root);
    }

    private static ObjectNode commit(Commit commit) {
        return NODES.objectNode().put("sha", commit.sha()).put("subject", commit.subject());
    }

    private static String culprit(Culprit c) {
        return String.format(Locale.ROOT, "%s %+.1f pp (%s, %s)", c.function(), c.delta() * 100, c.benchmark(),
                c.profileType());
    }

    private static String pulls(List<Integer> numbers) {
        return numbers.stream().map(n -> "PR #" + n).collect(Collectors.joining(", "));
    }

    private static String counts(BisectResult r) {
        return r.benchRuns() + " bench runs (the confirming one included), " + r.builds() + " revisions built.";
    }
}
