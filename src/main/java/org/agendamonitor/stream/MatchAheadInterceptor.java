package org.agendamonitor.stream;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Hands each batch the stream thread's consumer fetches to the {@link MatchAhead} named in its settings, before the
 * topology processes the batch; the records themselves pass through unchanged. Kafka creates it by reflection.
 */
public final class MatchAheadInterceptor implements ConsumerInterceptor<byte[], byte[]> {
    private MatchAhead ahead;

    @Override
    public void configure(Map<String, ?> configs) {
        Object id = configs.get(MatchAhead.ID_CONFIG);
        ahead = id == null ? null : MatchAhead.registered(id.toString());
    }

    @Override
    public ConsumerRecords<byte[], byte[]> onConsume(ConsumerRecords<byte[], byte[]> records) {
        if (ahead != null) {
            ahead.queue(records);
        }
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        // nothing to do
    }

    @Override
    public void close() {
        // the MatchAhead outlives a consumer: a replaced stream thread gets a new one
    }
}
