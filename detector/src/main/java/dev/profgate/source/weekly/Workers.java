package dev.profgate.source.weekly;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs a task per item on a fixed pool of at most {@value #MAX} threads (never more than the machine's cores), so
 * at most that many items are worked on at once; the first failure is rethrown as it was thrown.
 */
final class Workers {
    /** Threads at most: the CI machines have two cores, and each worker holds one profile in memory. */
    static final int MAX = 2;

    private Workers() {
    }

    static <T> void forEach(List<T> items, Consumer<T> task) {
        int threads = Math.min(items.size(), Math.min(MAX, Runtime.getRuntime().availableProcessors()));
        if (threads <= 1) {
            items.forEach(task);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "profgate-weeks");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            items.forEach(item -> futures.add(pool.submit(() -> task.accept(item))));
            for (Future<?> future : futures) {
                await(future, pool);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(Future<?> future, ExecutorService pool) {
        try {
            future.get();
        } catch (ExecutionException e) {
            pool.shutdownNow();
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading profiles", e);
        }
    }
}
