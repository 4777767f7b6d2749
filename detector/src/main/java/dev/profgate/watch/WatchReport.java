package dev.profgate.watch;

import dev.profgate.analysis.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * A watch run's outcome: the verdict (fail on a change point that reaches the policy's fail floors, warn on one that
 * reaches the warn floors or on a creep), the services read, the change points that stayed, the transients that went
 * away (never failing), the creeps, what each change point was attributed to ({@code deploys}, empty when no deploy
 * list was given), and notes on the method and what was read.
 */
public record WatchReport(String source, StepGrid grid, Verdict verdict, List<String> services,
                          List<ChangePoint> changePoints, List<ChangePoint> transients, List<Creep> creeps,
                          List<Deployed> deploys, List<String> notes) {
    public WatchReport {
        services = List.copyOf(services);
        changePoints = List.copyOf(changePoints);
        transients = List.copyOf(transients);
        creeps = List.copyOf(creeps);
        deploys = List.copyOf(deploys);
        notes = List.copyOf(notes);
    }

    /** This report with its change points attributed to deploys. */
    public WatchReport withDeploys(List<Deployed> attributed) {
        return new WatchReport(source, grid, verdict, services, changePoints, transients, creeps, attributed, notes);
    }

    /** What {@code point} (one of this report's change points) was attributed to, if deploys were given. */
    public Optional<Deployed> deployOf(ChangePoint point) {
        return deploys.stream().filter(d -> d.point() == point).findFirst();
    }
}
