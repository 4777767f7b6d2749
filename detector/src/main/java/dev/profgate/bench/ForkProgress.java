package dev.profgate.bench;

import static dev.profgate.base.DurationText.format;

import dev.profgate.bench.jmh.BenchSession;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress of the forks on standard error with an estimate of the time left (the mean duration of the forks so
 * far, or the configured benchmarking time plus {@link #STARTUP} before the first one ends): a redrawn bar when
 * standard error is a terminal, one plain line per finished fork otherwise (CI logs).
 */
public final class ForkProgress implements BenchSession.Listener {
    /** What a fork is assumed to add to its benchmarking time (two JVM start-ups, JMH set-up) before any has run. */
    static final Duration STARTUP = Duration.ofSeconds(3);
    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private final Duration expectedFork;
    private Duration elapsed = Duration.ZERO;

    public ForkProgress(PrintWriter err, boolean terminal, Duration forkTime) {
        this.err = err;
        this.terminal = terminal;
        this.expectedFork = forkTime.plus(STARTUP);
    }

    /** True when this process's standard error is a terminal (Linux: fd 2 is a tty or pty device). */
    public static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void started(BenchSession.Slot slot, int index, int total) {
        if (terminal) {
            err.print("\r" + bar(index, total) + "  " + describe(slot) + "  ETA " + format(remaining(index, total))
                    + "\033[K");
            err.flush();
        } else if (index == 0) {
            err.println("profgate: running " + total + " forks, about " + format(remaining(0, total)));
            err.flush();
        }
    }

    @Override
    public void finished(BenchSession.Slot slot, int index, int total, Duration took) {
        elapsed = elapsed.plus(took);
        int done = index + 1;
        if (terminal) {
            err.print("\r" + bar(done, total) + "  ETA " + format(remaining(done, total)) + "\033[K"
                    + (done == total ? "\n" : ""));
        } else {
            err.println(String.format(Locale.ROOT, "profgate: fork %d/%d done (%s, %s), ETA %s", done, total,
                    describe(slot), format(took), format(remaining(done, total))));
        }
        err.flush();
    }

    private Duration remaining(int done, int total) {
        Duration perFork = done == 0 ? expectedFork : elapsed.dividedBy(done);
        return perFork.multipliedBy(total - done);
    }

    private static String describe(BenchSession.Slot slot) {
        String name = slot.benchmark().id();
        return slot.side() + " fork " + slot.fork() + " of " + name.substring(name.lastIndexOf('.') + 1);
    }

    private static String bar(int done, int total) {
        int filled = total == 0 ? BAR_WIDTH : done * BAR_WIDTH / total;
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total;
    }
}
