package dev.profgate.watch;

import dev.profgate.base.Limits;
import dev.profgate.base.Progress;
import java.nio.file.Path;
import java.util.List;

/** Where a watch run's profiles come from: dated files ({@link DatedSource}) or a server ({@link ServerSource}). */
public interface WatchSource {
    /**
     * Every service's profile files of {@code grid} step by step, in service order, found within {@code limits}; a
     * source that fetches writes what it fetched to files, under {@code scratch} (deleted after the run) when it has
     * no cache to keep them in; each window fetched is told to {@code progress}.
     */
    List<ServiceSteps> read(StepGrid grid, Limits limits, Progress progress, Path scratch);

    /** {@code points} with links to where their windows can be seen (none for files). */
    default List<ChangePoint> linked(StepGrid grid, List<ChangePoint> points) {
        return points;
    }

    /** What the source is, for the report's notes. */
    String describe();
}
