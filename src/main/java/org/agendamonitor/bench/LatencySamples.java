package org.agendamonitor.bench;

import java.util.Arrays;

/** Latency samples in milliseconds, and their percentiles by the nearest-rank method (no interpolation). */
public final class LatencySamples {
    private long[] values = new long[1024];
    private int size;
    private long firstSentAt = -1;
    private long slowest = -1;
    private long slowestSentAt;

    public synchronized void add(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("a latency cannot be negative, got " + millis);
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
    }

    /**
     * A sample of a record sent at {@code sentAtMillis} (wall clock): besides the percentiles, the send second with
     * the slowest sample is kept, so a tail made of one stall shows where it was.
     */
    public synchronized void add(long sentAtMillis, long millis) {
        add(millis);
        if (firstSentAt < 0 || sentAtMillis < firstSentAt) {
            firstSentAt = sentAtMillis;
        }
        if (millis > slowest) {
            slowest = millis;
            slowestSentAt = sentAtMillis;
        }
    }

    /** "slowest sent at +12 s", from the first timed sample; empty without timed samples. */
    public synchronized String slowestAt() {
        return firstSentAt < 0 ? "" : "slowest sent at +" + Math.max(0, slowestSentAt - firstSentAt) / 1000 + " s";
    }

    public synchronized int count() {
        return size;
    }

    /**
     * The smallest sample such that at least {@code p} percent of the samples are ≤ it: rank ⌈p/100 · n⌉ of the
     * sorted samples ({@code p = 100} is the maximum). Throws when there are no samples.
     */
    public synchronized long percentile(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        if (size == 0) {
            throw new IllegalStateException("no samples");
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(rank, 1) - 1];
    }

    /**
     * "p50 12 ms, p99 40 ms, max 55 ms (n=3000)", followed by ", slowest sent at +12 s" when the samples were timed;
     * "no samples" when there are none.
     */
    public synchronized String summary() {
        if (size == 0) {
            return "no samples";
        }
        return "p50 " + percentile(50) + " ms, p99 " + percentile(99) + " ms, max " + percentile(100) + " ms (n="
                + size + ")" + (slowestAt().isEmpty() ? "" : ", " + slowestAt());
    }
}
