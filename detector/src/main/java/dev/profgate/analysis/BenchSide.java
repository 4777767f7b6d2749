package dev.profgate.analysis;

import dev.profgate.model.Profile;
import java.util.List;

/**
 * What the forks of one side of one benchmark measured: a score per fork (in the benchmark's unit), the allocated
 * bytes per operation per fork (empty when not measured), and the forks' profiles cut to the benchmark method
 * (empty when no profiler ran).
 */
public record BenchSide(List<Double> scores, List<Double> bytesPerOp, List<Profile> profiles) {
    public BenchSide {
        scores = List.copyOf(scores);
        bytesPerOp = List.copyOf(bytesPerOp);
        profiles = List.copyOf(profiles);
    }
}
