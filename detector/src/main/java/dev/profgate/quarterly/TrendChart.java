package dev.profgate.quarterly;

import dev.profgate.report.SvgPlot;
import dev.profgate.report.Xml;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A static SVG line chart of functions' weekly self shares (no script: it reads where scripts are blocked): one
 * {@code polyline} per function ({@code data-function} names it, escaped; its points run week by week, skipping
 * weeks without samples), week labels on the x axis, the share scale on the y axis, and a legend.
 */
final class TrendChart {
    static final int WIDTH = 720;
    static final int HEIGHT = 300;
    static final int LEFT = 60;
    static final int TOP = 20;
    static final int PLOT_WIDTH = 420;
    static final int PLOT_HEIGHT = 220;
    static final int LEGEND_CHARS = 34;
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
            "#e377c2", "#7f7f7f"};

    private TrendChart() {
    }

    static String svg(String service, List<String> weeks, List<QuarterlyData.Trend> trends) {
        double max = trends.stream().flatMapToDouble(t -> Arrays.stream(t.shares()))
                .filter(v -> !Double.isNaN(v)).max().orElse(0);
        SvgPlot plot = SvgPlot.of(LEFT, TOP, PLOT_WIDTH, PLOT_HEIGHT, weeks.size(), max);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.append("<title>Weekly self share: ").append(Xml.text(service)).append("</title>\n");
        axes(svg, weeks, plot);
        for (int i = 0; i < trends.size(); i++) {
            line(svg, trends.get(i), COLORS[i % COLORS.length], plot, i);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void axes(StringBuilder svg, List<String> weeks, SvgPlot plot) {
        plot.frame(svg);
        for (int w = 0; w < weeks.size(); w++) {
            svg.append(String.format(Locale.ROOT, "<text class=\"week\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">"
                    + "%d</text>\n", plot.x(w), TOP + PLOT_HEIGHT + 14, w + 1));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">week (from %s)</text>\n", LEFT,
                TOP + PLOT_HEIGHT + 30, Xml.text(weeks.isEmpty() ? "" : weeks.get(0))));
    }

    private static void line(StringBuilder svg, QuarterlyData.Trend trend, String color, SvgPlot plot, int index) {
        String points = plot.polyline(trend.shares());
        svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\" data-function=\"")
                .append(Xml.attribute(trend.function())).append("\" points=\"").append(points).append("\"><title>")
                .append(Xml.text(trend.function())).append("</title></polyline>\n");
        int y = TOP + 10 + index * 16;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>\n",
                LEFT + PLOT_WIDTH + 12, y - 9, color));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">", LEFT + PLOT_WIDTH + 26, y))
                .append(Xml.text(shorten(trend.function()))).append("</text>\n");
    }

    /** The last {@link #LEGEND_CHARS} characters of a long name, after an ellipsis. */
    private static String shorten(String name) {
        return name.length() <= LEGEND_CHARS ? name : "\u2026" + name.substring(name.length() - LEGEND_CHARS);
    }
}
