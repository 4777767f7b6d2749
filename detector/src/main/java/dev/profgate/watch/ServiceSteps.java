package dev.profgate.watch;

import java.nio.file.Path;
import java.util.List;

/**
 * One service's profile files step by step (a step's files add up; none: the step has no profiles), read when the
 * service is analysed ({@link StepReader}), so that no source holds a week of profiles in memory.
 */
public record ServiceSteps(String service, List<List<Path>> files) {
    public ServiceSteps {
        files = files.stream().map(List::copyOf).toList();
    }

    /** The steps that have a profile. */
    public int present() {
        return (int) files.stream().filter(step -> !step.isEmpty()).count();
    }
}
