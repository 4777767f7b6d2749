package dev.profgate.analysis;

import java.util.regex.Pattern;

/** A function-name pattern from the policy: {@code *} matches any text (dots and slashes too), {@code ?} one character. */
final class FunctionGlob {
    private final Pattern pattern;

    FunctionGlob(String glob) {
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
        regex.append(Pattern.quote(literal.toString()));
        this.pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    boolean matches(String function) {
        return pattern.matcher(function).matches();
    }
}
