package org.agendamonitor.stream;

import java.nio.charset.StandardCharsets;
import org.agendamonitor.metrics.AgendaMetrics;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a failed {@link Attempt} into the dead-letter record: original bytes, and the error in headers. */
final class DeadLetterHeaders<T> implements FixedKeyProcessor<String, Attempt<T>, byte[]> {
    static final String STAGE = "agenda.error.stage";
    static final String CLASS = "agenda.error.class";
    static final String MESSAGE = "agenda.error.message";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHeaders.class);
    private static final int MAX_MESSAGE = 1_000;

    private final AgendaMetrics metrics;
    private FixedKeyProcessorContext<String, byte[]> context;

    DeadLetterHeaders(AgendaMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Attempt<T>> record) {
        Attempt<T> attempt = record.value();
        String message = String.valueOf(attempt.error().getMessage());
        message = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
        Headers headers = record.headers();
        headers.add(STAGE, attempt.stage().getBytes(StandardCharsets.UTF_8));
        headers.add(CLASS, attempt.error().getClass().getName().getBytes(StandardCharsets.UTF_8));
        headers.add(MESSAGE, message.getBytes(StandardCharsets.UTF_8));
        LOG.warn("record sent to dead letter stage={} key={} error={}", attempt.stage(), record.key(), message);
        metrics.deadLettered();
        context.forward(record.withValue(attempt.original()).withHeaders(headers));
    }
}
