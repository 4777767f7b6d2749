package dev.profgate.base;


/**
 * A user error (bad file, bad option, unreachable server): its message is one line naming the input and the problem.
 * Untrusted text in it (a function name, a path) cannot break that line or inject terminal escapes: control, format
 * and line separator characters become U+FFFD ({@link Names#printable}).
 */
public final class BadInputException extends RuntimeException {
    public BadInputException(String input, String problem) {
        super(Names.printable(input + ": " + problem));
    }

    public BadInputException(String input, String problem, Throwable cause) {
        super(Names.printable(input + ": " + problem), cause);
    }
}
