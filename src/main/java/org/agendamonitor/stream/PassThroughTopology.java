package org.agendamonitor.stream;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The trivial topology the benchmark measures the machine's ceiling with: every record of {@code input} copied
 * unchanged (bytes in, bytes out) to {@code output}. Run with the production Streams settings it costs what
 * exactly-once, the broker and the clients cost, and nothing of ours.
 */
public final class PassThroughTopology {
    private PassThroughTopology() {
    }

    public static Topology build(String input, String output) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bench-source"))
                .to(output, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bench-sink"));
        return builder.build();
    }
}
