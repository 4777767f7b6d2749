package dev.profgate.bench.jmh;

import dev.profgate.base.BadInputException;
import dev.profgate.base.DurationText;
import dev.profgate.base.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a benchmarks jar from a git revision: a temporary detached {@code git worktree} of the repository at the
 * revision, the build command run there by {@code sh -c}, the jar at a path relative to the worktree copied out,
 * and the worktree removed (also on Ctrl-C), so the user's checkout is never touched. Each revision built is told to
 * {@code progress}.
 */
public final class RevisionBuild {
    private static final Duration GIT_LIMIT = Duration.ofMinutes(5);

    private final Path repo;
    private final String command;
    private final String jarPath;
    private final Path work;
    private final Duration limit;
    private final Progress progress;

    /**
     * Builds in worktrees of {@code repo} with {@code command}, taking the jar at {@code jarPath}; logs go to
     * {@code work}, each revision built to {@code progress}.
     */
    public RevisionBuild(Path repo, String command, String jarPath, Path work, Duration limit, Progress progress) {
        this.repo = repo.toAbsolutePath().normalize();
        this.command = command;
        this.jarPath = jarPath;
        this.work = work;
        this.limit = limit;
        this.progress = progress;
    }

    /** Builds revision {@code rev} for side {@code side} ({@code base} or {@code head}) and returns its jar, copied into the work folder. */
    public Path build(String side, String rev) {
        return build("--" + side + "-ref " + rev, side, rev);
    }

    /**
     * Builds revision {@code rev} and returns its jar, copied into the work folder as {@code name.jar};
     * {@code what} names the revision in errors and progress (such as {@code --good v1.2}).
     */
    public Path build(String what, String name, String rev) {
        long start = System.nanoTime();
        String commit = git(what, "cannot resolve the revision in " + repo, "rev-parse", "--verify", "--quiet",
                rev + "^{commit}");
        Path tree = work.resolve("worktree-" + name);
        Runnable remove = () -> removeWorktree(tree);
        ChildProcesses.register(remove);
        try {
            git(what, "cannot create a worktree in " + repo, "worktree", "add", "--detach", tree.toString(), commit);
            Path log = work.resolve("build-" + name + ".log");
            TimedProcess.Outcome outcome = TimedProcess.run(List.of("sh", "-c", command), tree, log, limit, what);
            if (!outcome.succeeded()) {
                throw new BadInputException(what, "build failed: " + Forks.failure(outcome, Forks.readLog(log))
                        + " (log: " + log + ")");
            }
            Path jar = copyJar(tree.resolve(jarPath), work.resolve(name + ".jar"), rev);
            progress.done("built " + what + (commit.startsWith(rev) ? "" : " (" + commit.substring(0, 12) + ")")
                    + " in " + DurationText.format(Duration.ofNanos(System.nanoTime() - start)));
            return jar;
        } finally {
            removeWorktree(tree);
            ChildProcesses.unregister(remove);
        }
    }

    private Path copyJar(Path built, Path target, String rev) {
        if (!Files.isRegularFile(built)) {
            throw new BadInputException("--jar " + jarPath, "the build of " + rev + " made no such file");
        }
        try {
            return Files.copy(built, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new BadInputException(target.toString(), "cannot copy the built jar: " + e.getMessage(), e);
        }
    }

    /** Runs git in the repository and returns its first output line; {@code problem} is the error when it fails. */
    private String git(String what, String problem, String... args) {
        Path log = work.resolve("git.log");
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        TimedProcess.Outcome outcome = TimedProcess.run(command, work, log, GIT_LIMIT, what);
        List<String> lines = Forks.readLog(log);
        if (!outcome.succeeded()) {
            throw new BadInputException(what, problem + (lines.isEmpty() ? "" : " (" + lines.get(0).strip() + ")"));
        }
        return lines.isEmpty() ? "" : lines.get(0).strip();
    }

    /** Removes the worktree (forced: the build leaves files) and prunes git's record of it; quiet on failure. */
    private void removeWorktree(Path tree) {
        try {
            new ProcessBuilder("git", "-C", repo.toString(), "worktree", "remove", "--force", tree.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            new ProcessBuilder("git", "-C", repo.toString(), "worktree", "prune")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
