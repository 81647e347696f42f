package org.agendamonitor.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.agendamonitor.kafka.GroupLag;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * Runs a topology over a pre-loaded input topic until every input record's result is committed: under exactly-once
 * the input offsets are committed in the same transaction as the outputs and store updates, so a consumer-group lag
 * of zero on the input means every result is visible to {@code read_committed} readers. The clock starts when the
 * Streams instance reaches RUNNING (start-up and the first rebalance are not throughput).
 */
final class StreamsDrain {
    private static final Duration POLL = Duration.ofMillis(20);

    /**
     * How long draining took, and where the threads spent it; {@code streams} is still running.
     *
     * @param secondHalf how long the second half of the records took: the sustained rate, once the JIT has compiled
     *                   the hot paths (on 2 cores the C2 compiler takes most of a core for the first minute)
     * @param cpu        the process's CPU per record over that second half, by role ({@link CpuUse#perRecord})
     * @param streamMicros the stream threads' CPU per record over the <em>whole</em> run, in µs (NaN where it could
     *                   not be read): on a short run the results of the first half can still be uncommitted when the
     *                   stream thread has processed everything, and the second half's figure is then its commit alone
     */
    record Result(KafkaStreams streams, long records, Duration took, Duration secondHalf, String threadTime,
            String cpu, double streamMicros) {
        double perSecond() {
            return records / Math.max(took.toNanos() / 1e9, 1e-9);
        }

        /** Records per second over the second half of the run. */
        double sustainedPerSecond() {
            return (records - records / 2) / Math.max(secondHalf.toNanos() / 1e9, 1e-9);
        }
    }

    private StreamsDrain() {
    }

    /** Done once the results of the first {@code upTo} records of the input (or all, if fewer) are committed. */
    static Result drain(Topology topology, Properties streamsProperties, String input, long upTo, Duration timeout)
            throws InterruptedException {
        String group = streamsProperties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        Properties adminProperties = new Properties();
        adminProperties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                streamsProperties.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
        try (Admin admin = Admin.create(adminProperties)) {
            Map<TopicPartition, Long> end = GroupLag.endOffsets(admin, input);
            long total = end.values().stream().mapToLong(Long::longValue).sum();
            long records = Math.min(total, upTo);
            KafkaStreams streams = new KafkaStreams(topology, streamsProperties);
            CountDownLatch running = new CountDownLatch(1);
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING || now == KafkaStreams.State.ERROR) {
                    running.countDown();
                }
            });
            streams.start();
            if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    || streams.state() == KafkaStreams.State.ERROR) {
                streams.close(Duration.ofSeconds(10));
                throw new KafkaException("streams app " + group + " did not reach RUNNING: " + streams.state());
            }
            long started = System.nanoTime();
            long deadline = started + timeout.toNanos();
            ThreadTime threadTime = new ThreadTime();
            long halfway = 0;
            CpuUse.Snapshot cpuAtStart = CpuUse.take();
            CpuUse.Snapshot cpuAtHalfway = cpuAtStart;
            long left = total - records;
            for (long lag = lag(admin, group, end); lag > left; lag = lag(admin, group, end)) {
                if (halfway == 0 && lag - left <= records - records / 2) {
                    halfway = System.nanoTime();
                    cpuAtHalfway = CpuUse.take();
                }
                threadTime.sample(streams);
                if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()) {
                    streams.close(Duration.ofSeconds(10));
                    throw new KafkaException("streams app " + group + " did not drain " + input + " within "
                            + timeout + " (state " + streams.state() + ")");
                }
                Thread.sleep(POLL.toMillis());
            }
            long finished = System.nanoTime();
            CpuUse.Snapshot cpuAtEnd = CpuUse.take();
            long measured = records - (halfway == 0 ? 0 : records / 2);
            return new Result(streams, records, Duration.ofNanos(finished - started),
                    Duration.ofNanos(finished - (halfway == 0 ? started : halfway)), threadTime.summary(),
                    CpuUse.perRecord(cpuAtHalfway, cpuAtEnd, measured),
                    CpuUse.streamThreadMicros(cpuAtStart, cpuAtEnd, records));
        }
    }

    private static long lag(Admin admin, String group, Map<TopicPartition, Long> end) {
        return GroupLag.lag(GroupLag.committed(admin, group), end);
    }
}
