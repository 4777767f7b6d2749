package dev.profgate.rules;

import dev.profgate.analysis.FunctionGlob;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A list of globs ({@code *} any text, {@code ?} one character, the rest literal; whole-name, case-sensitive)
 * compiled into one regular expression. An empty list matches nothing.
 */
public final class NamePattern {
    private static final NamePattern NONE = new NamePattern(List.of());

    private final List<String> globs;
    private final Pattern pattern;

    private NamePattern(List<String> globs) {
        this.globs = List.copyOf(globs);
        this.pattern = globs.isEmpty() ? null : Pattern.compile(globs.stream().map(FunctionGlob::regex)
                .map(regex -> "(?:" + regex + ")").collect(Collectors.joining("|")), Pattern.DOTALL);
    }

    public static NamePattern of(List<String> globs) {
        return globs.isEmpty() ? NONE : new NamePattern(globs);
    }

    public static NamePattern none() {
        return NONE;
    }

    public boolean matches(String name) {
        return pattern != null && pattern.matcher(name).matches();
    }

    public boolean isEmpty() {
        return globs.isEmpty();
    }

    public List<String> globs() {
        return globs;
    }

    /** The globs of both patterns. */
    public NamePattern plus(NamePattern other) {
        return of(Stream.concat(globs.stream(), other.globs.stream()).toList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamePattern other && globs.equals(other.globs);
    }

    @Override
    public int hashCode() {
        return globs.hashCode();
    }

    @Override
    public String toString() {
        return globs.toString();
    }
}
