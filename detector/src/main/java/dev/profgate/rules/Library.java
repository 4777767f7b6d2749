package dev.profgate.rules;

/** Which frames are library or runtime code, by function name or by source file; the rest is the application. */
public record Library(NamePattern functions, NamePattern files) {
    public boolean contains(String function, String file) {
        return functions.matches(function) || !file.isEmpty() && files.matches(file);
    }

    /** The patterns of both. */
    public Library plus(Library other) {
        return new Library(functions.plus(other.functions), files.plus(other.files));
    }
}
