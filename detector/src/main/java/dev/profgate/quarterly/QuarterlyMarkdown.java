package dev.profgate.quarterly;

import dev.profgate.analysis.Growth;
import dev.profgate.report.Markdown;
import java.util.List;
import java.util.Locale;

/** The Markdown of a quarterly report (function names escaped); the trend charts are linked SVG files beside it. */
final class QuarterlyMarkdown {
    private QuarterlyMarkdown() {
    }

    static String render(QuarterlyData data) {
        StringBuilder md = new StringBuilder();
        md.append("# Quarterly optimization report ").append(data.name()).append("\n\n");
        md.append(Markdown.text(data.from() + " to " + data.to() + ", " + data.weeks().size() + " weeks, "
                + data.source())).append("\n\n## Summary\n\n");
        data.summary().forEach(line -> md.append("- ").append(Markdown.text(line)).append('\n'));
        for (QuarterlyData.Service service : data.services()) {
            md.append("\n## ").append(Markdown.text(service.name())).append("\n\n");
            md.append("![weekly self share](").append(service.chartFile()).append(")\n\n");
            growers(md, service);
            antiPatterns(md, service.antiPatterns(), data.cost().currency());
            functions(md, "Top functions by self share", service.topSelf(), data.cost().currency());
            functions(md, "Top functions by total share", service.topTotal(), data.cost().currency());
        }
        md.append("\n## Method\n\n");
        data.notes().forEach(note -> md.append("- ").append(Markdown.text(note)).append('\n'));
        return md.toString();
    }

    private static void growers(StringBuilder md, QuarterlyData.Service service) {
        List<Growth> growers = service.growers();
        md.append("### Biggest growers\n\nTested: ").append(service.growthMethod().description()).append(".\n\n");
        if (growers.isEmpty()) {
            md.append("No function grew significantly.\n\n");
            return;
        }
        md.append("| # | function | ").append(service.growthMethod().shares())
                .append(" | change (95% CI) | total change | q |\n")
                .append("|---|---|---|---|---|---|\n");
        for (int i = 0; i < growers.size(); i++) {
            Growth g = growers.get(i);
            md.append(String.format(Locale.ROOT, "| %d | %s | %s → %s | %s (%s, %s) | %s | %.2g |%n", i + 1,
                    Markdown.code(g.function()), pct(g.early()), pct(g.late()), pp(g.delta()), pp(g.ci().low()),
                    pp(g.ci().high()), pp(g.totalDelta()), g.qValue()));
        }
        md.append('\n');
    }

    private static void antiPatterns(StringBuilder md, List<QuarterlyData.AntiPattern> found, String currency) {
        md.append("### Anti-patterns by estimated saving\n\n");
        if (found.isEmpty()) {
            md.append("No catalog anti-pattern above ").append(pct(0.005)).append(" of the samples.\n\n");
            return;
        }
        md.append("| rule | called from | since week | share | saving per quarter | advice |\n")
                .append("|---|---|---|---|---|---|\n");
        for (QuarterlyData.AntiPattern a : found) {
            md.append(String.format(Locale.ROOT, "| %s (%s) | %s | %d | %s | %s | %s |%n", Markdown.text(a.title()),
                    Markdown.text(a.rule()), Markdown.code(a.caller()), a.firstWeek(), pct(a.share()),
                    Markdown.text(money(a.saving(), currency)), Markdown.text(a.advice())));
        }
        md.append('\n');
    }

    private static void functions(StringBuilder md, String title, List<QuarterlyData.FunctionRow> rows,
                                  String currency) {
        md.append("### ").append(title).append("\n\n| function | self | total | self cost | total cost |\n")
                .append("|---|---|---|---|---|\n");
        for (QuarterlyData.FunctionRow r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", Markdown.code(r.function()),
                    pct(r.selfShare()), pct(r.totalShare()), Markdown.text(money(r.selfCost(), currency)),
                    Markdown.text(money(r.totalCost(), currency))));
        }
        md.append('\n');
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share * 100);
    }

    static String pp(double delta) {
        return String.format(Locale.ROOT, "%+.2f pp", delta * 100);
    }

    /** An amount of money rounded to whole units with its currency, unescaped. */
    static String money(double amount, String currency) {
        return String.format(Locale.ROOT, "%,.0f %s", amount, currency);
    }
}
