package dev.profgate.watch;

import dev.profgate.analysis.Verdict;
import java.util.List;

/**
 * A watch run's outcome: the verdict (fail on a change point that reaches the policy's fail floors, warn on one that
 * reaches the warn floors or on a creep), the change points that stayed, the transients that went away (never
 * failing), the creeps, and notes on the method and what was read.
 */
public record WatchReport(String source, StepGrid grid, Verdict verdict, List<ChangePoint> changePoints,
                          List<ChangePoint> transients, List<Creep> creeps, List<String> notes) {
    public WatchReport {
        changePoints = List.copyOf(changePoints);
        transients = List.copyOf(transients);
        creeps = List.copyOf(creeps);
        notes = List.copyOf(notes);
    }
}
