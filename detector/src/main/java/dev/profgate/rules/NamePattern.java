package dev.profgate.rules;

import dev.profgate.analysis.FunctionGlob;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A list of globs ({@code *} any text, {@code ?} one character, the rest literal; whole-name, case-sensitive)
 * matched as one. Most globs are a literal, a prefix ({@code java.*}), a suffix ({@code *Exception.<init>}) or a
 * substring ({@code *::*}), tested as such; the others are compiled into one regular expression. An empty list
 * matches nothing.
 */
public final class NamePattern {
    private static final NamePattern NONE = new NamePattern(List.of());

    private final List<String> globs;
    private final Set<String> literals = new HashSet<>();
    private final List<String> prefixes = new ArrayList<>();
    private final List<String> suffixes = new ArrayList<>();
    private final List<String> substrings = new ArrayList<>();
    private final Pattern others;

    private NamePattern(List<String> globs) {
        this.globs = List.copyOf(globs);
        List<String> general = new ArrayList<>();
        for (String glob : globs) {
            classify(glob, general);
        }
        this.others = general.isEmpty() ? null : Pattern.compile(general.stream().map(FunctionGlob::regex)
                .map(regex -> "(?:" + regex + ")").collect(Collectors.joining("|")), Pattern.DOTALL);
    }

    public static NamePattern of(List<String> globs) {
        return globs.isEmpty() ? NONE : new NamePattern(globs);
    }

    public static NamePattern none() {
        return NONE;
    }

    public boolean matches(String name) {
        if (literals.contains(name)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        for (String suffix : suffixes) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        for (String substring : substrings) {
            if (name.contains(substring)) {
                return true;
            }
        }
        return others != null && others.matcher(name).matches();
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

    private void classify(String glob, List<String> general) {
        boolean leading = glob.startsWith("*");
        boolean trailing = glob.length() > 1 && glob.endsWith("*");
        String core = glob.substring(leading ? 1 : 0, glob.length() - (trailing ? 1 : 0));
        if (core.indexOf('*') >= 0 || core.indexOf('?') >= 0 || core.isEmpty()) {
            general.add(glob);
        } else if (leading && trailing) {
            substrings.add(core);
        } else if (leading) {
            suffixes.add(core);
        } else if (trailing) {
            prefixes.add(core);
        } else {
            literals.add(core);
        }
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
