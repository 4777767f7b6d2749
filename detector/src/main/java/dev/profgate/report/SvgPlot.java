package dev.profgate.report;

import java.util.Locale;

/**
 * The plot area of a static SVG line chart of shares (quarterly's weekly trends, watch's series): its frame at
 * {@code left, top} of {@code width x height} pixels, {@code points} points spread evenly across it, shares from 0 to
 * {@code scale} upwards.
 */
public record SvgPlot(int left, int top, int width, int height, int points, double scale) {
    /** A plot whose largest share is {@code max}: the scale leaves a tenth above it (1 when there is none). */
    public static SvgPlot of(int left, int top, int width, int height, int points, double max) {
        return new SvgPlot(left, top, width, height, points, max <= 0 ? 1 : max * 1.1);
    }

    /** Appends the frame and the share axis: five ticks from 0 to the scale, in percent. */
    public void frame(StringBuilder svg) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#999\"/>\n", left, top, width, height));
        for (int tick = 0; tick <= 4; tick++) {
            double y = top + height - height * tick / 4.0;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.1f%%</text>\n",
                    left - 4, y + 4, scale * tick / 4 * 100));
        }
    }

    /** The x of point {@code index} (the middle when there is one point). */
    public double x(int index) {
        return left + (points <= 1 ? width / 2.0 : width * index / (double) (points - 1));
    }

    /** The y of {@code share}, at most the scale. */
    public double y(double share) {
        return top + height - height * Math.min(share, scale) / scale;
    }

    /** The {@code points} attribute of a polyline through {@code shares}, leaving out the NaN ones (no samples). */
    public String polyline(double[] shares) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < shares.length; i++) {
            if (!Double.isNaN(shares[i])) {
                line.append(line.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x(i),
                        y(shares[i])));
            }
        }
        return line.toString();
    }
}
