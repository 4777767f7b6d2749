package dev.profgate.examples.payments.benchmarks;

import dev.profgate.examples.payments.CardValidator;
import dev.profgate.examples.payments.Ledger;
import dev.profgate.examples.payments.PaymentHandler;
import dev.profgate.examples.payments.RequestGenerator;
import dev.profgate.examples.payments.Response;
import dev.profgate.examples.payments.ResponseSigner;
import dev.profgate.examples.payments.Variant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The payment handler under JMH, in the variant the jar was built as ({@link Variant#active()}): one request at a
 * time on one thread, the same on two threads sharing one ledger, and the card check alone. Average time, ns/op.
 * A jar whose manifest has {@code Payments-Extra-Work: N} burns {@code Blackhole.consumeCPU(N)} more in each
 * {@code handle} operation ({@code measure-noise.sh} makes such copies to measure the smallest slowdown profgate
 * detects).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PaymentBenchmarks {
    private static final int REQUESTS = 4096;
    /** The manifest attribute with the extra work per operation, in {@link Blackhole#consumeCPU} tokens. */
    static final String EXTRA_WORK = "Payments-Extra-Work";

    private PaymentHandler handler;
    private CardValidator validator;
    private List<String> requests;
    private String[] cards;
    private long extraWork;

    /** Where each benchmark thread is in the request list. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        int next() {
            return next++ & (REQUESTS - 1);
        }
    }

    @Setup
    public void setUp() {
        Variant variant = Variant.active();
        handler = new PaymentHandler(variant, new Ledger(),
                new ResponseSigner("bench-signing-key".getBytes(StandardCharsets.UTF_8)));
        validator = new CardValidator(variant);
        requests = RequestGenerator.requests(new Random(42), REQUESTS);
        cards = requests.stream().map(r -> r.replaceAll(".*\"card\":\"([^\"]*)\".*", "$1")).toArray(String[]::new);
        String extra = Variant.manifestAttribute(EXTRA_WORK);
        extraWork = extra == null ? 0 : Long.parseLong(extra);
    }

    /** One payment request end to end: parse, validate, record, render, sign. */
    @Benchmark
    public Response handle(Cursor cursor) {
        if (extraWork > 0) {
            Blackhole.consumeCPU(extraWork);
        }
        return handler.handle(requests.get(cursor.next()));
    }

    /** {@link #handle} on two threads at once, sharing the ledger (and its lock). */
    @Benchmark
    @Threads(2)
    public Response handleConcurrently(Cursor cursor) {
        return handler.handle(requests.get(cursor.next()));
    }

    /** The card-number check alone (regex and Luhn checksum). */
    @Benchmark
    public boolean validateCard(Cursor cursor) {
        return validator.isValid(cards[cursor.next()]);
    }
}
