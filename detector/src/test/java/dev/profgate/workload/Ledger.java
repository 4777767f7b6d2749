package dev.profgate.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts amounts to accounts from four worker threads while two background pairs (housekeeping, metrics) contend on
 * their own monitors now and then, in both versions, so every recording has some contention. The base version locks
 * the account's own partition; the bad version locks one monitor shared by all partitions, which the workers now
 * contend for.
 */
final class Ledger {
    private static final int WORKERS = 4;
    private static final Object[] PARTITIONS = {new Object(), new Object(), new Object(), new Object()};
    private static final long[] BALANCES = new long[WORKERS * 16];
    private static final Object HOUSEKEEPING = new Object();
    private static final Object METRICS = new Object();
    private static volatile long sink;

    private Ledger() {
    }

    static void run(boolean bad, long deadline) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            int worker = w;
            threads.add(start(() -> work(worker, bad, deadline)));
        }
        for (int pair = 0; pair < 2; pair++) {
            threads.add(start(() -> sweep(deadline)));
            threads.add(start(() -> flushMetrics(deadline)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static Thread start(Runnable body) {
        Thread thread = new Thread(body);
        thread.start();
        return thread;
    }

    private static void work(int worker, boolean shared, long deadline) {
        long amount = worker;
        while (System.nanoTime() < deadline) {
            post(worker, amount++, shared);
        }
    }

    static void post(int worker, long amount, boolean shared) {
        Object lock = shared ? PARTITIONS[0] : PARTITIONS[worker];
        synchronized (lock) {
            BALANCES[worker * 16] += amount;
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
        }
    }

    private static void sweep(long deadline) {
        while (System.nanoTime() < deadline) {
            synchronized (HOUSEKEEPING) {
                sink++;
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private static void flushMetrics(long deadline) {
        while (System.nanoTime() < deadline) {
            synchronized (METRICS) {
                sink--;
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }
}
