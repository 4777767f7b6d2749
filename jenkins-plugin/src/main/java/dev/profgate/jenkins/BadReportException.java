package dev.profgate.jenkins;

/** A report folder that is missing or not profgate's: one line naming the file and what is wrong. */
public final class BadReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadReportException(String source, String problem) {
        super(source + ": " + problem);
    }
}
