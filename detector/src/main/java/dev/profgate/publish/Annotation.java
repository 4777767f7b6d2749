package dev.profgate.publish;

/** A check run annotation: a repository path, a line, a level ({@code failure}, {@code warning}), title and message. */
public record Annotation(String path, int line, Level level, String title, String message) {
    /** The annotation levels profgate uses, in GitHub's names. */
    public enum Level {
        FAILURE, WARNING
    }
}
