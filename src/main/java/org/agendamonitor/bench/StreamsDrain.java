package org.agendamonitor.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
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
            AtomicReference<Mark> running = new AtomicReference<>();
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING) {
                    running.compareAndSet(null, Mark.now());
                }
            });
            Mark launched = Mark.now();
            long deadline = launched.nanos() + timeout.toNanos();
            streams.start();
            ThreadTime threadTime = new ThreadTime();
            boolean committedBeforeRunning = false;
            Mark halfway = null;
            long left = total - records;
            for (long lag = lag(admin, group, end); lag > left; lag = lag(admin, group, end)) {
                // With several stream threads the first to join can take every task and commit results while the
                // instance is still REBALANCING (a 2-thread pass-through once drained before RUNNING and read 6
                // million records/s): the lag is polled from the launch, so the halfway mark is right either way.
                committedBeforeRunning |= running.get() == null && lag < total;
                if (halfway == null && lag - left <= records - records / 2) {
                    halfway = Mark.now();
                }
                if (running.get() != null || committedBeforeRunning) {
                    threadTime.sample(streams);
                }
                if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()) {
                    streams.close(Duration.ofSeconds(10));
                    throw new KafkaException("streams app " + group + " did not drain " + input + " within "
                            + timeout + " (state " + streams.state() + ")");
                }
                Thread.sleep(POLL.toMillis());
            }
            long finished = System.nanoTime();
            // The clock starts at RUNNING (start-up and the first rebalance are not throughput), unless results were
            // committed before it: then at the launch, which is what that run took.
            Mark started = committedBeforeRunning || running.get() == null ? launched : running.get();
            if (halfway == null) {
                halfway = started;
            }
            CpuUse.Snapshot cpuAtEnd = CpuUse.take();
            long measured = records - (halfway == started ? 0 : records / 2);
            return new Result(streams, records, Duration.ofNanos(finished - started.nanos()),
                    Duration.ofNanos(finished - halfway.nanos()), threadTime.summary(),
                    CpuUse.perRecord(halfway.cpu(), cpuAtEnd, measured),
                    CpuUse.streamThreadMicros(started.cpu(), cpuAtEnd, records));
        }
    }

    /** A moment of the run: its clock reading and the process's CPU use then. */
    private record Mark(long nanos, CpuUse.Snapshot cpu) {
        static Mark now() {
            return new Mark(System.nanoTime(), CpuUse.take());
        }
    }

    private static long lag(Admin admin, String group, Map<TopicPartition, Long> end) {
        return GroupLag.lag(GroupLag.committed(admin, group), end);
    }
}
