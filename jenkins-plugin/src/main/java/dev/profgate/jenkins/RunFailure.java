package dev.profgate.jenkins;

/** The one-line build error of a profgate run that wrote no report, as the shared-library step words it too. */
public final class RunFailure {
    private RunFailure() {
    }

    /** "profgate MODE failed (exit N): " and the last non-blank line profgate printed on standard error. */
    public static String message(String mode, int exitCode, String stderr) {
        String last = stderr.lines().filter(line -> !line.isBlank()).reduce((first, second) -> second)
                .orElse("no message; see the log above");
        return "profgate " + mode + " failed (exit " + exitCode + "): " + last;
    }
}
