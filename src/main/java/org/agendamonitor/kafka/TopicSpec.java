package org.agendamonitor.kafka;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/** A topic's name, serdes and creation settings, as one immutable value. */
public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Map<String, String> configs) {
    public TopicSpec {
        Objects.requireNonNull(name, "name");
        configs = Map.copyOf(configs);
    }
}
