package org.agendamonitor.bench;

import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * The slowest commit and the slowest punctuation of the stream threads, from Kafka Streams' own
 * {@code commit-latency-max} and {@code punctuate-latency-max}. Those are kept over the recent metric windows (two
 * samples of {@code metrics.sample.window.ms}, 30 s by default: about the last minute), so read right after the
 * latency load they tell whether a tail came from the thread pausing, as the 582 ms trim of the recent-matches
 * store once did, or from steady work.
 */
final class SlowestSteps {
    private SlowestSteps() {
    }

    /** "slowest commit 41 ms, punctuation 3 ms", with "none" for a step that did not run in the windows. */
    static String of(Map<MetricName, ? extends Metric> metrics) {
        return String.format(Locale.ROOT, "slowest commit %s, punctuation %s", max(metrics, "commit-latency-max"),
                max(metrics, "punctuate-latency-max"));
    }

    /** The largest value of {@code name} over the threads, in whole milliseconds. */
    private static String max(Map<MetricName, ? extends Metric> metrics, String name) {
        double max = Double.NaN;
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            if (e.getKey().group().equals(ThreadTime.GROUP) && e.getKey().name().equals(name)
                    && e.getValue().metricValue() instanceof Double value && Double.isFinite(value)) {
                max = Double.isNaN(max) ? value : Math.max(max, value);
            }
        }
        return Double.isNaN(max) ? "none" : String.format(Locale.ROOT, "%.0f ms", max);
    }
}
