package dev.profgate.workload;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.consumer.RecordingStream;

/**
 * A request handler with stable per-function costs (parse 24%, price 20%, render 20%, validate 8%, lookup 5%,
 * normalize 4%, and 2-3% each for audit, tax, route, quota, discount and journal), recorded with JFR for tests that
 * need real replicate profiles.
 *
 * <p>Usage: {@code ServiceWorkload FILE SAMPLES MAX_MILLIS}. Two threads run the handler; after a warm-up, one
 * recording of {@code jdk.ExecutionSample} only (1 ms period, nothing of the environment) runs until it holds
 * {@code SAMPLES} samples or {@code MAX_MILLIS} have passed, and is written to {@code FILE}. Tests split it by time
 * into consecutive replicates: a loaded machine samples less often, so the length adapts to the samples, not the
 * clock.
 */
public final class ServiceWorkload {
    private static final int THREADS = 2;
    private static final long WARM_UP_MILLIS = 3000;
    private static volatile long sink;
    private static volatile boolean running = true;

    private ServiceWorkload() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int samples = Integer.parseInt(args[1]);
        long maxMillis = Long.parseLong(args[2]);
        Thread[] workers = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            long seed = t + 1;
            workers[t] = new Thread(() -> serve(seed), "worker-" + t);
            workers[t].start();
        }
        Thread.sleep(WARM_UP_MILLIS);
        record(file, samples, maxMillis);
        running = false;
        for (Thread worker : workers) {
            worker.join();
        }
    }

    private static void record(Path file, int samples, long maxMillis) throws Exception {
        AtomicInteger seen = new AtomicInteger();
        try (RecordingStream stream = new RecordingStream()) {
            stream.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            stream.onEvent("jdk.ExecutionSample", event -> seen.incrementAndGet());
            stream.startAsync();
            long deadline = System.nanoTime() + maxMillis * 1_000_000;
            while (seen.get() < samples && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            stream.dump(file);
        }
    }

    private static void serve(long seed) {
        long x = seed;
        while (running) {
            x = handle(x);
        }
        sink = x;
    }

    static long handle(long request) {
        long x = parse(request, 280);
        x = validate(x, 95);
        x = lookup(x, 60);
        x = price(x, 235);
        x = normalize(x, 45);
        x = render(x, 235);
        x = audit(x, 35);
        x = tax(x, 30);
        x = route(x, 30);
        x = quota(x, 25);
        x = discount(x, 25);
        return journal(x, 25);
    }

    static long parse(long x, int units) {
        for (int i = 0; i < units * 64; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }

    static long validate(long x, int units) {
        for (int i = 0; i < units * 64; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    static long lookup(long x, int units) {
        for (int i = 0; i < units * 64; i++) {
            x = Long.rotateLeft(x * 0x9E3779B97F4A7C15L, 31);
        }
        return x;
    }

    static long price(long x, int units) {
        for (int i = 0; i < units * 64; i++) {
            x = x * 0xD1B54A32D192ED03L + i;
        }
        return x;
    }

    static long normalize(long x, int units) {
        for (int i = 0; i < units * 64; i++) {
            x = (x ^ (x >>> 33)) * 0xFF51AFD7ED558CCDL;
        }
        return x;
    }

    static long render(long x, int units) {
        for (int i = 0; i < units * 64; i++) {
            x = x * 0x2545F4914F6CDD1DL ^ (x >>> 11);
        }
        return x;
    }

    static long audit(long x, int units) {
        for (int i = 0; i < units * 64; i++) {
            x = (x + 0x632BE59BD9B4E019L) * 0x94D049BB133111EBL;
        }
        return x;
    }

    static long tax(long x, int units) {
        for (int i = 0; i < units * 64; i++) {
            x = (x >>> 3 | x << 61) + 0x9FB21C651E98DF25L;
        }
        return x;
    }

    static long route(long x, int units) {
        for (int i = 0; i < units * 64; i++) {
            x = x * 0xBF58476D1CE4E5B9L ^ (x >>> 27);
        }
        return x;
    }

    static long quota(long x, int units) {
        for (int i = 0; i < units * 64; i++) {
            x = (x ^ 0x2127599BF4325C37L) * 0x880355F21E6D1965L;
        }
        return x;
    }

    static long discount(long x, int units) {
        for (int i = 0; i < units * 64; i++) {
            x = Long.rotateLeft(x + 0x165667B19E3779F9L, 23) ^ i;
        }
        return x;
    }

    static long journal(long x, int units) {
        for (int i = 0; i < units * 64; i++) {
            x = x * 0x27BB2EE687B0B0FDL + (x >>> 41);
        }
        return x;
    }
}
