package dev.profgate.watch;

import dev.profgate.analysis.Finding;
import dev.profgate.report.ReportLink;
import dev.profgate.rules.RuleHit;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A function that changed at step {@code step} (starting {@code at}) of one service: the engine's finding on the
 * windows around it and its {@code qValue} over all functions and candidates of the run, the catalog rules its
 * frames match, its series; {@code revertedAt} is the step by which a transient went away (-1 when it stays);
 * {@code links} show its windows in the profiling UI; {@code related} are the smaller changes of the same service and
 * direction within half a window of it, listed with it (the collector under a regression's garbage).
 */
public record ChangePoint(String service, int step, Instant at, Finding finding, double qValue, List<RuleHit> rules,
                          Series series, int revertedAt, List<ReportLink> links, List<ChangePoint> related) {
    public ChangePoint {
        rules = List.copyOf(rules);
        links = List.copyOf(links);
        related = List.copyOf(related);
    }

    /** This change point with {@code links} to its windows. */
    public ChangePoint withLinks(List<ReportLink> windows) {
        return new ChangePoint(service, step, at, finding, qValue, rules, series, revertedAt, windows, related);
    }

    /** This change point with the smaller changes of other functions that came with it. */
    public ChangePoint withRelated(List<ChangePoint> with) {
        return new ChangePoint(service, step, at, finding, qValue, rules, series, revertedAt, links, with);
    }

    /** This change point, then the changes listed with it. */
    public Stream<ChangePoint> andRelated() {
        return Stream.concat(Stream.of(this), related.stream());
    }

    /** Whether it costs more after the step than before. */
    public boolean regression() {
        return finding.effect().change() > 0;
    }
}
