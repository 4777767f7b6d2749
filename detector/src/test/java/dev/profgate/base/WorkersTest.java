package dev.profgate.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Work beside the calling thread: results in item order, failures rethrown as thrown, the first in item order. */
class WorkersTest {
    @Test
    void resultsComeInItemOrderWhateverFinishesFirst() {
        List<Integer> items = IntStream.range(0, 20).boxed().toList();
        List<Integer> squares = Workers.map(items, 4, i -> {
            sleep(20 - i);
            return i * i;
        });
        assertEquals(items.stream().map(i -> i * i).toList(), squares);
    }

    @Test
    void theFirstFailureInItemOrderIsRethrownAsThrown() {
        IllegalStateException first = new IllegalStateException("first");
        CountDownLatch secondFailed = new CountDownLatch(1);
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> Workers.map(List.of(0, 1), 2, i -> {
                    if (i == 1) {
                        secondFailed.countDown();
                        throw new IllegalArgumentException("second");
                    }
                    await(secondFailed);
                    throw first;
                }));
        assertSame(first, thrown);
    }

    @Test
    void oneThreadRunsOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        assertEquals(List.of(true, true), Workers.map(List.of(1, 2), 1, i -> Thread.currentThread() == caller));
    }

    @Test
    void aStartedTaskGivesItsResultOrItsFailure() {
        assertEquals("done", Workers.start(() -> "done").get());
        IllegalArgumentException failure = new IllegalArgumentException("bad rules");
        Supplier<String> failed = Workers.start(() -> {
            throw failure;
        });
        assertSame(failure, assertThrows(IllegalArgumentException.class, failed::get));
    }

    private static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
