package dev.profgate.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The commit checked out in the working directory ({@code git rev-parse HEAD}), when there is one. */
public final class GitCommit {
    private static final long TIMEOUT_SECONDS = 10;

    private GitCommit() {
    }

    /** The full hash of {@code HEAD}, or null outside a git repository or without git. */
    public static String head() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--verify", "HEAD")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out;
            try (InputStream in = git.getInputStream()) {
                out = new String(in.readNBytes(1024), StandardCharsets.US_ASCII).strip();
            }
            if (!git.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return null;
            }
            return git.exitValue() == 0 && isHash(out) ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** An abbreviated or full commit hash: 7 to 64 hex digits. */
    public static boolean isHash(String text) {
        return text.matches("[0-9a-fA-F]{7,64}");
    }
}
