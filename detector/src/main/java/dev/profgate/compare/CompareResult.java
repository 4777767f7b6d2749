package dev.profgate.compare;

import dev.profgate.attribution.FrameSources;
import dev.profgate.config.Settings;
import dev.profgate.report.ReportData;
import dev.profgate.source.Side;

/** A finished comparison with the head side it read and its settings: what attribution needs beside the report. */
public record CompareResult(ReportData report, Side head, Settings settings) {
    /** The source files of the head profiles' functions, named as the report names them (redacted). */
    public FrameSources frames() {
        return new FrameSources(settings.redaction().apply(head.profiles()));
    }
}
