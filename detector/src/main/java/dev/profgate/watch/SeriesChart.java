package dev.profgate.watch;

import dev.profgate.report.SvgPlot;
import dev.profgate.report.Xml;
import java.util.Locale;

/**
 * A static SVG chart of one finding's series (no script): the function's share per step as a line (steps without
 * samples left out), the change point as a dashed vertical line, and the levels before and after as horizontal lines
 * in shaded bands of their 95% intervals. The function's name is escaped: it comes from a profile.
 */
final class SeriesChart {
    static final int WIDTH = 760;
    static final int HEIGHT = 280;
    static final int LEFT = 60;
    static final int TOP = 30;
    static final int PLOT_WIDTH = 680;
    static final int PLOT_HEIGHT = 200;

    private final SvgPlot plot;

    private SeriesChart(int steps, double max) {
        this.plot = SvgPlot.of(LEFT, TOP, PLOT_WIDTH, PLOT_HEIGHT, steps, max);
    }

    static String svg(String title, Series series, StepGrid grid) {
        double max = 0;
        for (double share : series.shares()) {
            max = Double.isNaN(share) ? max : Math.max(max, share);
        }
        SeriesChart chart = new SeriesChart(series.shares().length, max);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">\n", WIDTH, HEIGHT, WIDTH,
                HEIGHT));
        svg.append("<title>").append(Xml.text(title)).append("</title>\n");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"16\" font-size=\"12\">").append(Xml.text(title))
                .append("</text>\n");
        chart.axes(svg, grid);
        chart.level(svg, series.before(), "before");
        chart.level(svg, series.after(), "after");
        chart.line(svg, series);
        if (series.step() >= 0) {
            svg.append(String.format(Locale.ROOT, "<line class=\"change\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                    + "stroke=\"#d62728\" stroke-dasharray=\"4 3\"/>\n", chart.plot.x(series.step()), TOP,
                    chart.plot.x(series.step()), TOP + PLOT_HEIGHT));
        }
        return svg.append("</svg>\n").toString();
    }

    private void axes(StringBuilder svg, StepGrid grid) {
        plot.frame(svg);
        int steps = plot.points();
        int every = Math.max(1, grid.period() > 1 ? grid.period() : steps / 8);
        for (int s = 0; s < steps; s += every) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                    plot.x(s), TOP + PLOT_HEIGHT + 14, grid.start(s).toString().substring(5, 16).replace('T', ' ')));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">share relative to the code that did not "
                + "change, per step of %s (UTC)</text>\n", LEFT, TOP + PLOT_HEIGHT + 32, grid.step()));
    }

    private void level(StringBuilder svg, Level level, String name) {
        if (level == null || Double.isNaN(level.share())) {
            return;
        }
        double x1 = plot.x(level.from());
        double x2 = plot.x(Math.max(level.from(), level.to() - 1));
        svg.append(String.format(Locale.ROOT, "<rect class=\"%s-interval\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                + "height=\"%.1f\" fill=\"#ff7f0e\" fill-opacity=\"0.2\"/>\n", name, x1, plot.y(level.high()), x2 - x1,
                Math.max(1, plot.y(level.low()) - plot.y(level.high()))));
        svg.append(String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                + "stroke=\"#ff7f0e\" stroke-width=\"2\"><title>%s: %.2f%% (95%%: %.2f%% to %.2f%%)</title></line>\n",
                name, x1, plot.y(level.share()), x2, plot.y(level.share()), name, level.share() * 100,
                level.low() * 100, level.high() * 100));
    }

    private void line(StringBuilder svg, Series series) {
        String points = plot.polyline(series.shares());
        svg.append("<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" data-function=\"")
                .append(Xml.attribute(series.function())).append("\" points=\"").append(points).append("\"/>\n");
    }

}
