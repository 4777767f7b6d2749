package dev.profgate.examples.payments;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Drives the handler: {@code LoadMain [seconds] [threads] [requests]} runs requests in a loop on each of
 * {@code threads} threads (default 2) until {@code seconds} (default 8) have passed or, when given, each thread
 * has handled {@code requests} requests: a fixed amount of work yields about as many profile samples on a busy
 * machine as on an idle one.
 */
public final class LoadMain {
    private LoadMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 8;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        long requestsPerThread = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
        Variant variant = Variant.active();
        Ledger ledger = new Ledger();
        PaymentHandler handler = new PaymentHandler(variant, ledger,
                new ResponseSigner("demo-signing-key".getBytes(StandardCharsets.UTF_8)));
        List<String> requests = RequestGenerator.requests(new Random(42), 4096);
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> workers = new ArrayList<>();
        long[] checksums = new long[threads];
        for (int t = 0; t < threads; t++) {
            int worker = t;
            Thread thread = new Thread(() -> checksums[worker] = run(handler, requests, worker, requestsPerThread, deadline),
                    "payments-worker-" + t);
            workers.add(thread);
            thread.start();
        }
        long checksum = 0;
        for (int t = 0; t < threads; t++) {
            workers.get(t).join();
            checksum += checksums[t];
        }
        System.out.printf("variant=%s threads=%d approved=%d checksum=%d%n",
                variant.cliName(), threads, ledger.entries(), checksum);
    }

    private static long run(PaymentHandler handler, List<String> requests, int offset, long count, long deadline) {
        long checksum = 0;
        int i = offset * 997;
        for (long done = 0; done < count && System.nanoTime() < deadline; done += 64) {
            for (int batch = 0; batch < 64; batch++) {
                Response response = handler.handle(requests.get(i++ & (requests.size() - 1)));
                checksum += response.body().length() + response.signature().charAt(0);
            }
        }
        return checksum;
    }
}
