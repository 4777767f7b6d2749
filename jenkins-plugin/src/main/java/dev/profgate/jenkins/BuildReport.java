package dev.profgate.jenkins;

/** One build's profgate report: the build number and its summary. */
public record BuildReport(int number, ReportSummary summary) {
}
