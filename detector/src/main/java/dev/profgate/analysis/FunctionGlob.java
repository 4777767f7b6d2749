package dev.profgate.analysis;

import java.util.regex.Pattern;

/** A function-name pattern from the policy: {@code *} matches any text (dots and slashes too), {@code ?} one character. */
public final class FunctionGlob {
    private final Pattern pattern;

    FunctionGlob(String glob) {
        this.pattern = Pattern.compile(regex(glob), Pattern.DOTALL);
    }

    /** The regular expression (for {@link Pattern#DOTALL}) that matches what {@code glob} matches, as a whole. */
    public static String regex(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        return regex.append(Pattern.quote(literal.toString())).toString();
    }

    boolean matches(String function) {
        return pattern.matcher(function).matches();
    }
}
