package org.agendamonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class SlowestStepsTest {
    private final Map<MetricName, Metric> metrics = new LinkedHashMap<>();

    private void put(String group, String name, String thread, Object value) {
        MetricName id = new MetricName(name, group, "", Map.of("thread-id", thread));
        metrics.put(id, new Metric() {
            @Override
            public MetricName metricName() {
                return id;
            }

            @Override
            public Object metricValue() {
                return value;
            }
        });
    }

    @Test
    void shouldReportTheSlowestOverTheStreamThreadsOnly() {
        put("stream-thread-metrics", "commit-latency-max", "t1", 41.6);
        put("stream-thread-metrics", "commit-latency-max", "t2", 12.0);
        put("stream-thread-metrics", "punctuate-latency-max", "t1", 582.2);
        put("stream-thread-metrics", "punctuate-latency-max", "t2", 3.0);
        put("stream-task-metrics", "commit-latency-max", "t1", 900.0); // another group: not a thread's pause
        put("stream-thread-metrics", "commit-latency-avg", "t1", 700.0); // an average, not the max

        assertThat(SlowestSteps.of(metrics)).isEqualTo("slowest commit 42 ms, punctuation 582 ms");
    }

    @Test
    void shouldSayNoneForAStepThatDidNotRunInTheWindows() {
        put("stream-thread-metrics", "commit-latency-max", "t1", 20.0);
        put("stream-thread-metrics", "punctuate-latency-max", "t1", Double.NaN);
        put("stream-thread-metrics", "punctuate-latency-max", "t2", Double.NEGATIVE_INFINITY);

        assertThat(SlowestSteps.of(metrics)).isEqualTo("slowest commit 20 ms, punctuation none");
    }
}
