package dev.profgate.report;

/**
 * A function's name as a reviewer reads it in a narrow table: a JVM method without its package
 * ({@code java.util.regex.Pattern.compile} → {@code Pattern.compile}), a Go function without its module path
 * ({@code github.com/acme/pay/internal/card.(*Validator).Check} → {@code card.(*Validator).Check}; a slash after a
 * {@code $}, as in a JVM lambda's {@code Foo$$Lambda/0x1.run}, is not a path); any other name as it is. The full name stays in the report's details.
 */
public final class ShortName {
    private ShortName() {
    }

    /** The short form of {@code function}. */
    public static String of(String function) {
        if (function.indexOf(' ') >= 0) {
            return function;
        }
        int slash = function.lastIndexOf('/');
        if (slash >= 0 && function.lastIndexOf('$', slash) < 0) {
            return function.substring(slash + 1);
        }
        return withoutJvmPackage(function);
    }

    /** From the first dot-separated part that starts with an upper-case letter (the class) on, if one precedes the last. */
    private static String withoutJvmPackage(String function) {
        int start = 0;
        int lastDot = function.lastIndexOf('.');
        while (start < lastDot) {
            if (Character.isUpperCase(function.charAt(start))) {
                return function.substring(start);
            }
            int dot = function.indexOf('.', start);
            start = dot + 1;
        }
        return function;
    }
}
