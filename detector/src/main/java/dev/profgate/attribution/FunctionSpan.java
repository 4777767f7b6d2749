package dev.profgate.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The lines of a function's body in a source file (Java, Kotlin, Go and other brace languages): the line declaring
 * the function by its simple name, through the brace that closes its body. With several declarations (overloads),
 * the one containing the profile's hot line wins.
 */
public record FunctionSpan(int start, int end) {
    /** Whether line {@code line} is inside. */
    public boolean contains(int line) {
        return line >= start && line <= end;
    }

    /** Whether lines {@code from..to} overlap this span. */
    public boolean overlaps(int from, int to) {
        return from <= end && to >= start;
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }

    /** The span of function {@code simpleName} in {@code source}, preferring the one containing {@code hotLine}. */
    public static Optional<FunctionSpan> find(String source, String simpleName, int hotLine) {
        if (simpleName.isEmpty()) {
            return Optional.empty();
        }
        Pattern declaration = Pattern.compile("^\\s*(func\\s+(\\([^)]*\\)\\s*)?" + Pattern.quote(simpleName)
                + "\\s*[\\[(].*|(?!return\\b|new\\b|else\\b)[\\w<>\\[\\],.?@ ]*\\s" + Pattern.quote(simpleName)
                + "\\s*\\(.*)");
        String[] lines = source.split("\n", -1);
        List<FunctionSpan> spans = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (declaration.matcher(lines[i]).matches() && !lines[i].strip().endsWith(";")) {
                int line = i + 1;
                bodyEnd(lines, i).ifPresent(end -> spans.add(new FunctionSpan(line, end)));
            }
        }
        return spans.stream().filter(s -> s.contains(hotLine)).findFirst().or(() -> spans.stream().findFirst());
    }

    /** The 1-based line of the brace closing the body that opens at or after line index {@code from}. */
    private static Optional<Integer> bodyEnd(String[] lines, int from) {
        int depth = 0;
        boolean opened = false;
        for (int i = from; i < lines.length; i++) {
            for (char c : code(lines[i]).toCharArray()) {
                if (c == '{') {
                    depth++;
                    opened = true;
                } else if (c == '}') {
                    depth--;
                }
                if (opened && depth == 0) {
                    return Optional.of(i + 1);
                }
                if (!opened && c == ';') {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** A line without string and character literals and line comments (enough for brace counting). */
    private static String code(String line) {
        return line.replaceAll("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'|`[^`]*`", "\"\"")
                .replaceAll("//.*", "");
    }
}
