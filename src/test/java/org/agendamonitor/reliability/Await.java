package org.agendamonitor.reliability;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Bounded waiting for a condition, polled every 250 ms; every loop of the reliability tests goes through here. */
final class Await {
    private Await() {
    }

    /** Returns the millis it took, or fails with {@code describe} after {@code atMost}. */
    static long millis(BooleanSupplier condition, Duration atMost, Supplier<String> describe)
            throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > atMost.toNanos()) {
                throw new AssertionError("condition not met within " + atMost + ": " + describe.get());
            }
            Thread.sleep(250);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * Waits until {@code read} gives a value that {@code accepted} and that the next read, a second later, repeats:
     * for values that move while data flows. Returns that value.
     */
    static <T> T settled(Supplier<T> read, Predicate<T> accepted, Duration atMost) throws InterruptedException {
        long start = System.nanoTime();
        T last = null;
        while (System.nanoTime() - start < atMost.toNanos()) {
            T now = read.get();
            if (accepted.test(now) && Objects.equals(now, last)) {
                return now;
            }
            last = accepted.test(now) ? now : null;
            Thread.sleep(1000);
        }
        throw new AssertionError("no settled accepted value within " + atMost + "; last read " + read.get());
    }
}
