package dev.profgate;

/** A user error (bad file, bad option, unreachable server): its message is one line naming the input and the problem. */
public final class BadInputException extends RuntimeException {
    public BadInputException(String input, String problem) {
        super(input + ": " + problem);
    }

    public BadInputException(String input, String problem, Throwable cause) {
        super(input + ": " + problem, cause);
    }
}
