package dev.profgate.bench.jmh;

import dev.profgate.base.BadInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The child processes profgate starts (JMH runs, builds) and the clean-ups that must run even on Ctrl-C: a shutdown
 * hook destroys every live child with all its descendants (the JMH host and its forked benchmark JVM), then runs the
 * registered clean-ups. Once the hook has begun, no further child can start.
 */
public final class ChildProcesses {
    /** How long a destroyed process may take to exit (shutdown hooks, JFR dump) before it is killed. */
    static final long GRACE_MILLIS = 3000;

    private static final Object LOCK = new Object();
    private static final Set<Process> LIVE = new LinkedHashSet<>();
    private static final Set<Runnable> CLEANUPS = new LinkedHashSet<>();
    private static boolean shuttingDown;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::shutdown, "profgate-shutdown"));
    }

    private ChildProcesses() {
    }

    /** Starts {@code builder}'s process and tracks it until {@link #finished}; refused once the JVM is exiting. */
    static Process start(ProcessBuilder builder, String what) {
        synchronized (LOCK) {
            if (shuttingDown) {
                throw new BadInputException(what, "not started: profgate is stopping");
            }
            try {
                Process process = builder.start();
                LIVE.add(process);
                return process;
            } catch (IOException e) {
                throw new BadInputException(what, "cannot start " + builder.command().get(0) + ": " + e.getMessage(), e);
            }
        }
    }

    /** Stops tracking {@code process} (it has exited or was destroyed). */
    static void finished(Process process) {
        synchronized (LOCK) {
            LIVE.remove(process);
        }
    }

    /** Runs {@code cleanup} at exit unless {@link #unregister}ed first. */
    public static void register(Runnable cleanup) {
        synchronized (LOCK) {
            CLEANUPS.add(cleanup);
        }
    }

    public static void unregister(Runnable cleanup) {
        synchronized (LOCK) {
            CLEANUPS.remove(cleanup);
        }
    }

    /**
     * Destroys {@code root} and every descendant it has: descendants are listed before anything is destroyed (an
     * orphan is no longer a descendant), asked to exit, then killed if still alive after {@link #GRACE_MILLIS}.
     */
    static void destroyTree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        for (ProcessHandle process : tree) {
            long left = deadline - System.nanoTime();
            try {
                process.onExit().get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
    }

    private static void shutdown() {
        List<Process> live;
        List<Runnable> cleanups;
        synchronized (LOCK) {
            shuttingDown = true;
            live = new ArrayList<>(LIVE);
            cleanups = new ArrayList<>(CLEANUPS);
        }
        live.forEach(process -> destroyTree(process.toHandle()));
        cleanups.forEach(Runnable::run);
    }
}
