package org.agendamonitor.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agendamonitor.alert.BreakingStoryDetector;
import org.agendamonitor.model.Alert;
import org.agendamonitor.model.ArticleMatch;
import org.agendamonitor.model.Story;
import org.agendamonitor.progress.ProgressCalculator;
import org.agendamonitor.progress.ProgressState;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per recommendation (the record key): adds each story update to the progress state, asks the
 * {@link BreakingStoryDetector} whether the story breaks, and emits, at most once per story, an alert (key = story
 * id) at once. A story that already alerted only gets its stored alert's outlets and links refreshed. The progress
 * snapshot (key = recommendation) of a recommendation that changed is emitted by a wall-clock punctuator within
 * {@link #PUBLISH_EVERY}: the progress topic is compacted, only a recommendation's latest snapshot matters, and a
 * snapshot per match (hundreds a second during a backfill, each with its 14-day and 24-hour series) cost the stream
 * thread 6% of its time. Another punctuator republishes snapshots when the hour (and so the day) rolls over, so
 * "today" and the 24-hour series stay true on a quiet day.
 */
final class ProgressProcessor implements Processor<String, StoryUpdate, String, Outcome> {
    static final Duration REPUBLISH_CHECK = Duration.ofMinutes(1);
    static final Duration PUBLISH_EVERY = Duration.ofMillis(100);

    private final ProgressCalculator calculator;
    private final BreakingStoryDetector detector;
    private final Clock clock;
    private ProcessorContext<String, Outcome> context;
    private KeyValueStore<String, ProgressState> progress;
    private KeyValueStore<String, String> alertIds;
    private KeyValueStore<String, Alert> alerts;
    /** Recommendations changed since their last snapshot -> the newest event time (record timestamp) among them. */
    private final Map<String, Long> changed = new LinkedHashMap<>();

    ProgressProcessor(ProgressCalculator calculator, BreakingStoryDetector detector, Clock clock) {
        this.calculator = calculator;
        this.detector = detector;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
        this.progress = context.getStateStore(StoreNames.PROGRESS);
        this.alertIds = context.getStateStore(StoreNames.ALERT_IDS);
        this.alerts = context.getStateStore(StoreNames.ALERTS);
        changed.clear();
        try (KeyValueIterator<String, ProgressState> it = progress.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value.unpublished()) {
                    changed.put(kv.key, clock.millis());
                }
            });
        }
        context.schedule(PUBLISH_EVERY, PunctuationType.WALL_CLOCK_TIME, ts -> publishChanged());
        context.schedule(REPUBLISH_CHECK, PunctuationType.WALL_CLOCK_TIME, ts -> republishOnNewHour());
    }

    @Override
    public void process(Record<String, StoryUpdate> record) {
        ArticleMatch m = record.value().match();
        Story story = record.value().story();
        Instant now = clock.instant();
        ProgressState before = progress.get(record.key());
        ProgressState state = calculator.record(before == null ? ProgressState.empty(m.recommendation()) : before,
                m, record.value().newStory(), now);
        String existing = alertIds.get(story.id());
        if (existing != null) {
            Alert stored = alerts.get(existing);
            if (stored != null) {
                alerts.put(existing, stored.withStory(story));
            }
        } else {
            Optional<Alert> alert = detector.evaluate(story, m, calculator.volume(state, m.eventTime()),
                    state.lastAlertAt(), now);
            if (alert.isPresent()) {
                alertIds.put(story.id(), alert.get().id());
                alerts.put(alert.get().id(), alert.get());
                state = state.withAlert(m.eventTime());
                context.forward(record.withKey(story.id()).withValue(Outcome.of(alert.get())));
            }
        }
        // marked unpublished in the store, in this transaction: if the task dies before the snapshot is out, the
        // next task publishes it (see init), and the hourly check would too
        progress.put(record.key(), state.withPublishedHour(ProgressState.UNPUBLISHED));
        changed.merge(record.key(), record.timestamp(), Math::max);
    }

    private void publishChanged() {
        Instant now = clock.instant();
        changed.forEach((recommendation, timestamp) -> {
            ProgressState state = progress.get(recommendation);
            if (state != null && state.unpublished()) {
                publish(recommendation, state, now, timestamp);
            }
        });
        changed.clear();
    }

    private void publish(String recommendation, ProgressState state, Instant now, long timestamp) {
        ProgressState published = state.withPublishedHour(ProgressCalculator.hourOf(now));
        progress.put(recommendation, published);
        context.forward(new Record<>(recommendation, Outcome.of(calculator.snapshot(published, now)), timestamp));
    }

    private void republishOnNewHour() {
        Instant now = clock.instant();
        long hour = ProgressCalculator.hourOf(now);
        List<KeyValue<String, ProgressState>> stale = new ArrayList<>();
        try (KeyValueIterator<String, ProgressState> it = progress.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value.publishedHour() != hour) {
                    stale.add(kv);
                }
            });
        }
        stale.forEach(kv -> publish(kv.key, calculator.prune(kv.value, now), now, now.toEpochMilli()));
    }
}
