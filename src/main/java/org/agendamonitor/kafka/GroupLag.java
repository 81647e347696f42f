package org.agendamonitor.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group's committed offsets are behind a topic's end. Under exactly-once a Streams app commits an
 * input offset in the transaction of that record's outputs, so a lag of zero on its input means every result is
 * visible to {@code read_committed} readers: the benchmark's drains and the reliability checks wait for that.
 */
public final class GroupLag {
    private GroupLag() {
    }

    /** The end offset of every partition of {@code topic}. */
    public static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) {
        try {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(info -> request.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest()));
            return admin.listOffsets(request).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted", e);
        } catch (ExecutionException e) {
            throw new KafkaException("cannot read end offsets of " + topic + ": " + e.getMessage(), e);
        }
    }

    /** The group's committed offsets, all topics. */
    public static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group) {
        try {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted", e);
        } catch (ExecutionException e) {
            throw new KafkaException("cannot read offsets of group " + group + ": " + e.getMessage(), e);
        }
    }

    /** Records between {@code committed} and {@code end}, summed over the partitions of {@code end}. */
    public static long lag(Map<TopicPartition, OffsetAndMetadata> committed, Map<TopicPartition, Long> end) {
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            lag += e.getValue() - (c == null ? 0 : c.offset());
        }
        return lag;
    }
}
