package dev.profgate.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How the text report is laid out: the width its lines fit in (names elided in the middle, prose wrapped) and
 * whether the verdict and the changes are coloured with ANSI escapes (for a terminal only).
 */
public record TextStyle(int width, boolean colour) {
    /** {@code report.txt}: plain, as wide as its lines are (a file is read in an editor or a viewer that scrolls). */
    public static final TextStyle FILE = new TextStyle(Integer.MAX_VALUE, false);
    /** The narrowest layout drawn; a narrower terminal gets this width. */
    public static final int MIN_WIDTH = 60;
    private static final String RESET = "\u001b[0m";
    private static final int UNKNOWN_WIDTH = 120;

    public TextStyle {
        width = Math.max(width, MIN_WIDTH);
    }

    /**
     * The style of standard output: as wide as {@code COLUMNS} says, else as the terminal is (asked with
     * {@code stty}; 120 when it cannot tell), else (a pipe or a file) unwrapped; coloured only on a terminal, unless {@code noColor} ({@code --no-color}),
     * {@code NO_COLOR} (any value) or {@code TERM=dumb} says otherwise.
     */
    public static TextStyle forStandardOutput(Map<String, String> env, boolean terminal, boolean noColor) {
        boolean colour = terminal && !noColor && env.getOrDefault("NO_COLOR", "").isEmpty()
                && !"dumb".equals(env.get("TERM"));
        return new TextStyle(columns(env.get("COLUMNS")).orElseGet(() -> terminal ? ttyWidth() : FILE.width),
                colour);
    }

    private static Optional<Integer> columns(String value) {
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The terminal's width from {@code stty size} (rows, then columns), or 120 when it cannot tell. */
    private static int ttyWidth() {
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String[] size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip()
                    .split("\\s+");
            return stty.waitFor(2, TimeUnit.SECONDS) && size.length == 2 ? columns(size[1]).orElse(UNKNOWN_WIDTH)
                    : UNKNOWN_WIDTH;
        } catch (IOException e) {
            return UNKNOWN_WIDTH;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN_WIDTH;
        }
    }

    /** {@code text} in red (a regression, a failing verdict), when coloured. */
    String bad(String text) {
        return paint("\u001b[1;31m", text);
    }

    /** {@code text} in green (an improvement, a passing verdict), when coloured. */
    String good(String text) {
        return paint("\u001b[1;32m", text);
    }

    /** {@code text} in yellow (a warning), when coloured. */
    String warning(String text) {
        return paint("\u001b[1;33m", text);
    }

    private String paint(String code, String text) {
        return colour && !text.isEmpty() ? code + text + RESET : text;
    }
}
