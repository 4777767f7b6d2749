package dev.profgate.watch;

import dev.profgate.base.Names;
import dev.profgate.publish.Bodies;
import dev.profgate.report.ReportLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Every finding of a report in the order the reports list them (change points, transients, creeps), each with its
 * one-line summary, its chart's title and file name ({@code chart-N.svg}), and the links to its windows.
 */
record Charted(String kind, String service, String function, String summary, Series series, String file,
               List<ReportLink> links) {
    static List<Charted> of(WatchReport report) {
        List<Charted> all = new ArrayList<>();
        for (ChangePoint point : report.changePoints()) {
            all.add(point(point, point.regression() ? "regression" : "improvement", all.size(),
                    report.deployOf(point).map(d -> ", " + d.describe()).orElse("")));
        }
        for (ChangePoint point : report.transients()) {
            all.add(point(point, "transient", all.size(), ""));
        }
        for (Creep creep : report.creeps()) {
            all.add(new Charted("creep", creep.service(), creep.function(), String.format(Locale.ROOT,
                    "%s %.2f%% -> %.2f%% over the range (95%% of the change: %s), q = %.2g",
                    creep.series().metric(), creep.trend().first() * 100, creep.trend().last() * 100,
                    interval(creep.trend().ci().low(), creep.trend().ci().high()), creep.qValue()),
                    creep.series(), file(all.size()), List.of()));
        }
        return all;
    }

    /** The chart's title. */
    String title() {
        return kind + " in " + service + ": " + function;
    }

    private static Charted point(ChangePoint point, String kind, int index, String deploy) {
        Level before = point.series().before();
        Level after = point.series().after();
        String summary = String.format(Locale.ROOT, "at %s (step %d): %s %.2f%% -> %.2f%%, %+.2f%% of CPU (95%%: %s),"
                + " q = %.2g%s%s", point.at(), point.step() + 1, point.series().metric(), before.share() * 100,
                after.share() * 100, point.finding().effect().change() * 100,
                interval(point.finding().effect().ci().low(), point.finding().effect().ci().high()), point.qValue(),
                point.revertedAt() >= 0 ? ", went away by step " + (point.revertedAt() + 1) : "",
                point.rules().isEmpty() ? "" : ", rule " + point.rules().get(0).id()) + deploy + related(point);
        return new Charted(kind, point.service(), point.finding().function(), summary, point.series(), file(index),
                point.links());
    }

    /** The smaller changes listed with {@code point}, each its function, step and change. */
    private static String related(ChangePoint point) {
        return point.related().isEmpty() ? "" : "; with it: " + String.join(", ", point.related().stream()
                .map(r -> String.format(Locale.ROOT, "%s (%s, step %d, %+.2f%% of CPU)",
                        Names.printable(r.finding().function()), r.series().metric(), r.step() + 1,
                        r.finding().effect().change() * 100)).toList());
    }

    /** The links as Markdown, separated by a dot; empty when there are none. */
    String markdownLinks() {
        return Bodies.links(links.stream().flatMap(l -> Stream.of(l.label(), l.url())).toArray(String[]::new));
    }

    private static String interval(double low, double high) {
        return String.format(Locale.ROOT, "%+.2f%% to %+.2f%%", low * 100, high * 100);
    }

    private static String file(int index) {
        return "chart-" + (index + 1) + ".svg";
    }
}
