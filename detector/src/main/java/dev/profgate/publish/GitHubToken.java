package dev.profgate.publish;

/**
 * A GitHub token that cannot leak by accident: {@link #toString()} is masked, and every text the publisher writes or
 * throws passes through {@link #redact(String)}.
 */
public final class GitHubToken {
    private static final String MASK = "***";
    private final String value;

    public GitHubToken(String value) {
        this.value = value;
    }

    /** The secret itself, for the Authorization header only. */
    String reveal() {
        return value;
    }

    /** {@code text} with every occurrence of the token replaced by {@code ***}. */
    public String redact(String text) {
        return text == null || value.isEmpty() ? text : text.replace(value, MASK);
    }

    @Override
    public String toString() {
        return "GitHubToken[" + MASK + "]";
    }
}
