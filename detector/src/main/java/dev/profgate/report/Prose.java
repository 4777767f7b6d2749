package dev.profgate.report;

import dev.profgate.base.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * Printable prose wrapped to a width at spaces, a word longer than a line cut where it must be; a URL is never cut
 * (a terminal wraps it softly, so it stays one link), it only starts a line of its own.
 */
public final class Prose {
    private Prose() {
    }

    /**
     * {@code text} (printable) in lines of at most {@code width} characters: the first starting with {@code first},
     * the others with {@code next} (a hanging indent).
     */
    public static List<String> wrap(String text, int width, String first, String next) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : text.split(" ")) {
            for (String piece : word.startsWith("http://") || word.startsWith("https://") ? List.of(word)
                    : pieces(word, width - Names.width(next))) {
                if (!empty && Names.width(line.toString()) + 1 + Names.width(piece) > width) {
                    lines.add(line.toString());
                    line = new StringBuilder(next);
                    empty = true;
                }
                line.append(empty ? "" : " ").append(piece);
                empty = false;
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** Appends {@link #wrap} of {@code text} to {@code out}, a line each. */
    public static void append(StringBuilder out, String text, int width, String first, String next) {
        wrap(text, width, first, next).forEach(line -> out.append(line).append('\n'));
    }

    /** {@code word} cut into pieces of at most {@code size} code points. */
    private static List<String> pieces(String word, int size) {
        List<String> pieces = new ArrayList<>();
        int count = Names.width(word);
        for (int start = 0; start < count; start += size) {
            int from = word.offsetByCodePoints(0, start);
            int to = word.offsetByCodePoints(0, Math.min(count, start + size));
            pieces.add(word.substring(from, to));
        }
        return pieces.isEmpty() ? List.of("") : pieces;
    }
}
