package dev.profgate.bench;

import dev.profgate.model.Profile;
import java.util.List;

/**
 * What the forks of one side of one benchmark measured, one value per fork in fork order: the score (in the
 * benchmark's unit), the allocated bytes per operation and the CPU time of the benchmark threads per operation in
 * nanoseconds (each empty when not measured), and the profile cut to the benchmark method (empty when no profiler
 * ran).
 */
public record BenchSide(List<Double> scores, List<Double> bytesPerOp, List<Double> cpuPerOp, List<Profile> profiles) {
    public BenchSide {
        scores = List.copyOf(scores);
        bytesPerOp = List.copyOf(bytesPerOp);
        cpuPerOp = List.copyOf(cpuPerOp);
        profiles = List.copyOf(profiles);
    }
}
