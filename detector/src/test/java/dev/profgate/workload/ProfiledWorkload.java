package dev.profgate.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/**
 * A small Java program with known hot spots, run in a child JVM by tests that record real profiles.
 *
 * <p>Usage: {@code ProfiledWorkload MODES DURATION_MS [EXTRA_LAMBDAS]} where MODES is a comma-separated subset of
 * {@code cpu,alloc,lock,park,clock} ({@code all}: all but {@code clock}). Every mode runs in its own thread started
 * through a lambda: {@code cpu} spins in {@link #spin}, {@code alloc} allocates in {@link #allocate}, {@code lock}
 * makes two threads contend on a monitor in {@link #lockedUpdate} (each holds it ~15 ms), {@code park} parks ~15 ms
 * at a time in {@link #park}, {@code clock} reads the clock in {@link #readClock} (native frames of the
 * {@code [vdso]} mapping). EXTRA_LAMBDAS (0-3) creates that many unrelated lambdas first, which shifts the JVM's
 * generated lambda class numbers, so two runs differ only in those unstable names.
 */
public final class ProfiledWorkload {
    /** How long the lock holder and the parker wait each time: above JFR's default 10 ms thresholds. */
    static final long HOLD_MILLIS = 15;

    private static final Object MONITOR = new Object();
    private static volatile long sink;

    private ProfiledWorkload() {
    }

    public static void main(String[] args) throws InterruptedException {
        String modes = args[0].equals("all") ? "cpu,alloc,lock,park" : args[0];
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[1]));
        shiftLambdaNumbers(args.length > 2 ? Integer.parseInt(args[2]) : 0);
        List<Thread> threads = new ArrayList<>();
        for (String mode : modes.split(",")) {
            switch (mode) {
                case "cpu" -> threads.add(start("cpu", () -> spin(deadline)));
                case "alloc" -> threads.add(start("alloc", () -> allocate(deadline)));
                case "lock" -> {
                    threads.add(start("lock-1", () -> contend(deadline)));
                    threads.add(start("lock-2", () -> contend(deadline)));
                }
                case "park" -> threads.add(start("park", () -> park(deadline)));
                case "clock" -> threads.add(start("clock", () -> readClock(deadline)));
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, "workload-" + name);
        thread.start();
        return thread;
    }

    /** The CPU hot spot: a pure arithmetic loop. */
    static void spin(long deadline) {
        long x = 1;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 100_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
                x ^= x >>> 29;
            }
        }
        sink = x;
    }

    /** The allocation hot spot: short-lived arrays, throttled so it does not out-sample {@link #spin}. */
    static void allocate(long deadline) {
        long total = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 2_000; i++) {
                byte[] chunk = new byte[512 + (i & 1023)];
                total += chunk.length;
            }
            LockSupport.parkNanos(1_000_000);
        }
        sink = total;
    }

    private static void contend(long deadline) {
        while (System.nanoTime() < deadline) {
            lockedUpdate();
            LockSupport.parkNanos(100_000);
        }
    }

    /** The contended monitor: the holder sleeps inside it, the other thread blocks entering it. */
    static void lockedUpdate() {
        synchronized (MONITOR) {
            sink++;
            sleep(HOLD_MILLIS);
        }
    }

    /** The parking hot spot. */
    static void park(long deadline) {
        while (System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(HOLD_MILLIS));
        }
    }

    /** Reads the wall clock in bursts (the kernel's vDSO answers), throttled so it does not out-sample {@link #spin}. */
    static void readClock(long deadline) {
        long total = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 20_000; i++) {
                total += System.currentTimeMillis();
            }
            LockSupport.parkNanos(1_000_000);
        }
        sink = total;
    }

    /** Creates up to three lambdas (each indy call site spins its class on first use, numbered by a global counter). */
    private static void shiftLambdaNumbers(int count) {
        if (count > 0) {
            use(() -> 1);
        }
        if (count > 1) {
            use(() -> 2);
        }
        if (count > 2) {
            use(() -> 3);
        }
    }

    private static void use(IntSupplier supplier) {
        sink += supplier.getAsInt();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
