package dev.profgate.base;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs work beside the calling thread: {@link #map} a task per item on a fixed pool of at most {@code max} threads
 * (never more than the machine's cores), items taken in list order, so at most that many items are worked on at
 * once, and with one thread on the calling thread; {@link #start} one task on a thread of its own. A failure is
 * rethrown as it was thrown, the first in list order.
 */
public final class Workers {
    private Workers() {
    }

    /** Runs {@code task} on each item. */
    public static <T> void forEach(List<T> items, int max, Consumer<T> task) {
        map(items, max, item -> {
            task.accept(item);
            return null;
        });
    }

    /** The result of {@code task} on each item, in the items' order. */
    public static <T, R> List<R> map(List<T> items, int max, Function<T, R> task) {
        int threads = Math.min(items.size(), Math.min(max, Runtime.getRuntime().availableProcessors()));
        if (threads <= 1) {
            return items.stream().map(task).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "profgate-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            items.forEach(item -> futures.add(pool.submit(() -> task.apply(item))));
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(await(future, pool));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Starts {@code task} on a thread of its own and returns what waits for its result; a failure of the task is
     * rethrown there as it was thrown (and never seen when nobody waits).
     */
    public static <R> Supplier<R> start(Supplier<R> task) {
        FutureTask<R> future = new FutureTask<>(task::get);
        Thread thread = new Thread(future, "profgate-worker");
        thread.setDaemon(true);
        thread.start();
        return () -> await(future, null);
    }

    private static <R> R await(Future<R> future, ExecutorService pool) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (pool != null) {
                pool.shutdownNow();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a worker", e);
        }
    }
}
