package dev.profgate.source;

import dev.profgate.base.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs git in one repository; a failure is a one-line {@link BadInputException} naming the command. */
public final class Git {
    private static final long TIMEOUT_SECONDS = 120;
    private final Path repo;

    public Git(Path repo) {
        this.repo = repo;
    }

    /** The repository folder. */
    public Path repo() {
        return repo;
    }

    /** The full hash of {@code rev} ({@code git rev-parse --verify rev^{commit}}). */
    public String resolve(String rev, String option) {
        try {
            return run("rev-parse", "--verify", "--quiet", rev + "^{commit}").strip();
        } catch (BadInputException e) {
            throw new BadInputException(option, "'" + rev + "' is not a commit of " + repo);
        }
    }

    /** The standard output of {@code git args}. */
    public String run(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "core.quotepath=off"));
        command.addAll(List.of(args));
        String shown = "git " + String.join(" ", args);
        try {
            Process git = new ProcessBuilder(command).start();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(git.getErrorStream()));
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!git.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                throw new BadInputException(shown, "git did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (git.exitValue() != 0) {
                String message = new String(err.join(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
                throw new BadInputException(shown, "failed in " + repo + ": " + message);
            }
            return out;
        } catch (IOException e) {
            throw new BadInputException(shown, "cannot run git: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInputException(shown, "interrupted");
        }
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
