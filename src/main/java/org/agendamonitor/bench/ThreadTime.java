package org.agendamonitor.bench;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Where the stream threads spent their time while a run drained: Kafka Streams' own thread ratios (process,
 * commit, poll, punctuate), sampled as the run goes and averaged over samples and threads. A pipeline bound by its
 * processing shows a high process share; one bound by exactly-once commits a high commit share.
 */
final class ThreadTime {
    /** Kafka Streams' metric group of the stream threads, which {@link SlowestSteps} reads too. */
    static final String GROUP = "stream-thread-metrics";

    private final Map<String, double[]> sums = new TreeMap<>();

    /** Adds one reading of every thread's ratios. */
    void sample(KafkaStreams streams) {
        streams.metrics().forEach((name, metric) -> {
            if (name.group().equals(GROUP) && name.name().endsWith("-ratio")
                    && metric.metricValue() instanceof Double value && !value.isNaN()) {
                double[] sum = sums.computeIfAbsent(name.name().replace("-ratio", ""), k -> new double[2]);
                sum[0] += value;
                sum[1]++;
            }
        });
    }

    /** "process 85%, commit 8%, poll 6%, punctuate 0%", or "n/a" when nothing was sampled. */
    String summary() {
        if (sums.isEmpty()) {
            return "n/a";
        }
        StringBuilder out = new StringBuilder();
        for (String part : new String[] {"process", "commit", "poll", "punctuate"}) {
            double[] sum = sums.get(part);
            if (sum != null) {
                out.append(out.length() == 0 ? "" : ", ")
                        .append(String.format(Locale.ROOT, "%s %.0f%%", part, 100 * sum[0] / sum[1]));
            }
        }
        return out.toString();
    }
}
