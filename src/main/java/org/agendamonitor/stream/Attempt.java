package org.agendamonitor.stream;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The result of one step that may fail on a single record: the value, or the error together with the original
 * bytes so the record can go to the dead-letter topic intact (Confluent's poison-pill pattern, with a split branch).
 */
record Attempt<T>(T value, byte[] original, String stage, Exception error) {

    static <I, T> Attempt<T> of(I input, byte[] original, String stage, Function<I, T> step) {
        try {
            return new Attempt<>(step.apply(input), original, stage, null);
        } catch (RuntimeException e) {
            return new Attempt<>(null, original, stage, e);
        }
    }

    /**
     * Like {@link #of(Object, byte[], String, Function)}, but the original bytes are made only when the step fails:
     * re-serializing every article just in case cost a JSON write per record on the hot path.
     */
    static <I, T> Attempt<T> of(I input, Supplier<byte[]> original, String stage, Function<I, T> step) {
        try {
            return new Attempt<>(step.apply(input), null, stage, null);
        } catch (RuntimeException e) {
            return new Attempt<>(null, original.get(), stage, e);
        }
    }

    boolean failed() {
        return error != null;
    }
}
