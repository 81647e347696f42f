package org.agendamonitor.alert;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.agendamonitor.config.AlertSettings;
import org.agendamonitor.kafka.JsonSerde;
import org.agendamonitor.kafka.Topics;
import org.agendamonitor.metrics.AgendaMetrics;
import org.agendamonitor.model.Alert;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the alerts of {@code agenda.alerts.v1} to the sinks, outside the topology (which never blocks on I/O). A
 * plain consumer in its own group, {@code read_committed} so it sees only alerts whose transaction committed, with
 * offsets committed only after every record of a poll went through every sink: at-least-once delivery, made
 * idempotent per sink by a {@link DeliveryLog} of alert ids, so a restart or a re-read never sends twice.
 *
 * <p>Each sink gets {@code maxAttempts} tries with exponential back-off; then the alert is counted
 * {@code failed} for that sink and skipped, so one broken sink never holds up another or the stream. Alerts raised
 * more than {@link #STALE_AFTER} ago are not sent (counted {@code stale}): a new consumer group starts at the
 * beginning of the topic and must not flood anyone with old news. Outcomes of
 * {@code agenda_alert_deliveries_total{sink,outcome}}: ok, retry, failed, duplicate, stale, unreadable.
 */
public final class AlertDispatcher implements AutoCloseable {
    public static final Duration STALE_AFTER = Duration.ofHours(24);
    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final JsonSerde<Alert> ALERTS = JsonSerde.of(Alert.class);

    private final Consumer<String, byte[]> consumer;
    private final Map<AlertSink, DeliveryLog> sinks = new LinkedHashMap<>();
    private final AgendaMetrics metrics;
    private final AlertSettings settings;
    private final Clock clock;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean started;

    /**
     * @param consumerProperties from {@link #consumerProperties(String, String)}
     * @param sinks              the sinks, each with a distinct {@link AlertSink#name()}
     * @param deliveryDir        where the delivery logs live (under data.dir)
     */
    public AlertDispatcher(Properties consumerProperties, List<AlertSink> sinks, Path deliveryDir,
            AlertSettings settings, AgendaMetrics metrics, Clock clock) {
        this(new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new ByteArrayDeserializer()), sinks,
                deliveryDir, settings, metrics, clock);
    }

    /** With a consumer given (tests pass Kafka's MockConsumer); the dispatcher owns and closes it. */
    public AlertDispatcher(Consumer<String, byte[]> consumer, List<AlertSink> sinks, Path deliveryDir,
            AlertSettings settings, AgendaMetrics metrics, Clock clock) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (AlertSink sink : sinks) {
            this.sinks.put(sink, new DeliveryLog(deliveryDir, sink.name()));
        }
        this.thread = new Thread(this::run, "alert-dispatcher");
        thread.setDaemon(true);
    }

    /** Consumer settings: its own group, read_committed, manual commits, from the beginning for a new group. */
    public static Properties consumerProperties(String bootstrapServers, String groupId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
        return p;
    }

    public AlertDispatcher start() {
        consumer.subscribe(List.of(Topics.ALERTS.name()));
        started = true;
        thread.start();
        LOG.info("alert dispatcher started sinks={}", sinks.keySet().stream().map(AlertSink::name).toList());
        return this;
    }

    private void run() {
        try {
            while (stopping.getCount() > 0) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (!deliver(record)) {
                        return; // stopping in the middle: leave the offsets, the alert is re-read next time
                    }
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException closing) {
            // close() woke the consumer up
        } catch (RuntimeException e) {
            LOG.error("alert dispatcher stopped error={}", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Returns false only when asked to stop before the record went through every sink. */
    private boolean deliver(ConsumerRecord<String, byte[]> record) {
        Alert alert;
        try {
            alert = ALERTS.fromBytes(record.value());
        } catch (RuntimeException e) {
            LOG.warn("unreadable alert skipped key={} offset={} error={}", record.key(), record.offset(), e.toString());
            metrics.alertDelivered("all", "unreadable");
            return true;
        }
        if (alert == null) {
            return true;
        }
        boolean stale = alert.raisedAt().isBefore(clock.instant().minus(STALE_AFTER));
        for (Map.Entry<AlertSink, DeliveryLog> e : sinks.entrySet()) {
            if (e.getValue().contains(alert.id())) {
                metrics.alertDelivered(e.getKey().name(), "duplicate");
            } else if (stale) {
                metrics.alertDelivered(e.getKey().name(), "stale");
            } else if (!deliverTo(e.getKey(), e.getValue(), alert)) {
                return false;
            }
        }
        return true;
    }

    private boolean deliverTo(AlertSink sink, DeliveryLog log, Alert alert) {
        Duration backoff = settings.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                sink.send(alert);
                recordDelivered(sink, log, alert);
                metrics.alertDelivered(sink.name(), "ok");
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                LOG.warn("alert delivery failed sink={} alert_id={} attempt={} error={}", sink.name(), alert.id(),
                        attempt, e.toString());
            }
            if (attempt >= settings.maxAttempts()) {
                metrics.alertDelivered(sink.name(), "failed");
                LOG.warn("alert not delivered, giving up sink={} alert_id={} attempts={}", sink.name(), alert.id(),
                        attempt);
                return true;
            }
            metrics.alertDelivered(sink.name(), "retry");
            if (waitOrStop(backoff)) {
                return false;
            }
            backoff = backoff.multipliedBy(2);
        }
    }

    private static void recordDelivered(AlertSink sink, DeliveryLog log, Alert alert) {
        try {
            log.add(alert.id());
        } catch (IOException e) {
            // Sent, but not recorded: a restart before the offset commit could send it once more. Say so loudly.
            LOG.error("alert sent but not recorded sink={} alert_id={} error={}", sink.name(), alert.id(),
                    e.toString());
        }
    }

    /** Waits out a back-off; true when the dispatcher is stopping instead. */
    private boolean waitOrStop(Duration backoff) {
        try {
            return stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void close() {
        stopping.countDown();
        if (started) {
            consumer.wakeup();
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            consumer.close(Duration.ZERO);
        }
        for (DeliveryLog log : sinks.values()) {
            try {
                log.close();
            } catch (IOException e) {
                LOG.warn("cannot close a delivery log error={}", e.toString());
            }
        }
    }
}
