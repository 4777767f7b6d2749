package dev.profgate.watch;

import dev.profgate.base.Limits;
import dev.profgate.base.Progress;
import dev.profgate.config.Redaction;
import java.util.List;

/** Where a watch run's profiles come from: dated files ({@link DatedSource}) or a server ({@link ServerSource}). */
public interface WatchSource {
    /**
     * Every service's profiles of {@code grid}, one merged per step, in service order, read within {@code limits},
     * names redacted; each window fetched or read is told to {@code progress}.
     */
    List<ServiceSteps> read(StepGrid grid, Limits limits, Redaction redaction, Progress progress);

    /** What the source is, for the report's notes. */
    String describe();
}
