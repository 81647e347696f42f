package org.agendamonitor.kafka;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde for one record type, via {@link Json#MAPPER}. Bad bytes raise Kafka's SerializationException. The reader
 * and writer are bound to the type once, rather than the mapper finding the root type's (de)serializer per record.
 *
 * <p>Each thread remembers the last value it wrote and its bytes: the topology writes one matched article to a store
 * and then to a topic, and the second write is then free. Values are immutable records, so the same instance always
 * has the same JSON.
 */
public final class JsonSerde<T> implements Serde<T> {
    private final Class<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;
    private final ThreadLocal<Written> lastWritten = new ThreadLocal<>();

    private record Written(Object value, byte[] bytes) {
    }

    public JsonSerde(Class<T> type) {
        this.type = type;
        this.reader = Json.MAPPER.readerFor(type);
        this.writer = Json.MAPPER.writerFor(type);
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }

    public byte[] toBytes(T value) {
        if (value == null) {
            return null;
        }
        Written last = lastWritten.get();
        if (last != null && last.value() == value) {
            return last.bytes();
        }
        try {
            byte[] bytes = writer.writeValueAsBytes(value);
            lastWritten.set(new Written(value, bytes));
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + type.getSimpleName() + " as JSON", e);
        }
    }

    public T fromBytes(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return reader.readValue(bytes);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("not a valid " + type.getSimpleName() + " JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> toBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> fromBytes(bytes);
    }
}
