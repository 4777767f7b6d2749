package dev.profgate.jenkins;

import java.util.List;
import java.util.Locale;

/**
 * The job page's trend chart as a static SVG (no script, no inline style: readable under Jenkins' default
 * Content-Security-Policy): one bar per build, oldest left, coloured by verdict, as tall as its regression count
 * (a thin bar for none), the build number below it and a {@code <title>} tooltip naming verdict and counts.
 */
public final class TrendSvg {
    /** At most this many of the newest builds are drawn. */
    public static final int MAX_BUILDS = 30;
    private static final int BAR = 14;
    private static final int STEP = 20;
    private static final int CHART = 80;
    private static final int MARGIN = 24;

    private TrendSvg() {
    }

    /** The SVG document of {@code trend}. */
    public static String render(VerdictTrend trend) {
        List<BuildReport> builds = trend.builds();
        List<BuildReport> shown = builds.subList(Math.max(0, builds.size() - MAX_BUILDS), builds.size());
        long most = shown.stream().mapToLong(b -> b.summary().regressions()).max().orElse(0);
        int width = MARGIN * 2 + Math.max(1, shown.size()) * STEP;
        int height = CHART + MARGIN * 2;
        StringBuilder svg = new StringBuilder(256 + 300 * shown.size());
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"10\">\n",
                width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"14\">profgate: regressions per build "
                + "(green pass, amber warn, red fail)</text>\n", MARGIN));
        int baseline = MARGIN + CHART;
        for (int i = 0; i < shown.size(); i++) {
            bar(svg, shown.get(i), MARGIN + i * STEP, baseline, most);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void bar(StringBuilder svg, BuildReport build, int x, int baseline, long most) {
        ReportSummary summary = build.summary();
        long regressions = summary.regressions();
        int barHeight = most == 0 ? 2 : Math.max(2, (int) Math.round(CHART * (double) regressions / most));
        String tip = "#" + build.number() + " " + summary.verdict().label() + ": " + regressions + " regression"
                + (regressions == 1 ? "" : "s") + ", " + summary.improvements() + " improvements, "
                + summary.findings().size() + " findings";
        svg.append(String.format(Locale.ROOT, "<g><title>%s</title><rect x=\"%d\" y=\"%d\" width=\"%d\" "
                        + "height=\"%d\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text></g>\n",
                escape(tip), x, baseline - barHeight, BAR, barHeight, colour(summary.verdict()), x + BAR / 2,
                baseline + 12, build.number()));
    }

    private static String colour(Verdict verdict) {
        return switch (verdict) {
            case PASS -> "#2da44e";
            case WARN -> "#d4a72c";
            case FAIL -> "#cf222e";
        };
    }

    /** {@code text} safe as XML character data and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
