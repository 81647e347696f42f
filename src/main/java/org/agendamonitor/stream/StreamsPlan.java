package org.agendamonitor.stream;

import java.util.Properties;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.Topology;

/**
 * A topology with what its Kafka Streams need beyond the application's settings (the consumer interceptor that
 * feeds its {@link MatchAhead}), and what to close once they have stopped.
 *
 * @param topology the topology
 * @param settings the application's streams settings -> the ones to run this topology with
 * @param helper   closed after the streams (null: nothing)
 */
public record StreamsPlan(Topology topology, UnaryOperator<Properties> settings, AutoCloseable helper)
        implements AutoCloseable {

    /** A topology that needs nothing more. */
    public static StreamsPlan of(Topology topology) {
        return new StreamsPlan(topology, UnaryOperator.identity(), null);
    }

    public Properties settings(Properties application) {
        return settings.apply(application);
    }

    @Override
    public void close() throws Exception {
        if (helper != null) {
            helper.close();
        }
    }
}
