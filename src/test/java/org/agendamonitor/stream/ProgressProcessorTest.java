package org.agendamonitor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.agendamonitor.BreakingNewsFixtures;
import org.agendamonitor.kafka.JsonSerde;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.ArticleMatch;
import org.agendamonitor.model.Direction;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.model.Story;
import org.agendamonitor.progress.ProgressState;
import org.agendamonitor.progress.StoryClusterer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Snapshots: one per changed recommendation when the publishing punctuator runs, however many matches came in
 * between; and a change whose snapshot was never published (the task died first) is published by the next task.
 */
class ProgressProcessorTest {
    private final Instant now = BreakingNewsFixtures.T0.plusSeconds(60);
    private MockProcessorContext<String, Outcome> context;
    private KeyValueStore<String, ProgressState> progress;
    private List<KeyValueStore<String, ?>> stores;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        progress = store(StoreNames.PROGRESS, JsonSerde.of(ProgressState.class));
        stores = List.of(progress, store(StoreNames.ALERT_IDS, Serdes.String()),
                store(StoreNames.ALERTS, JsonSerde.of(org.agendamonitor.model.Alert.class)));
    }

    private <V> KeyValueStore<String, V> store(String name, org.apache.kafka.common.serialization.Serde<V> values) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), values).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    /** A new task over the same stores: a new context, so nothing of the old processor runs there. */
    private void newTask() {
        context = new MockProcessorContext<>();
        stores.forEach(context::addStateStore);
    }

    private ProgressProcessor processor() {
        ProgressFunctions functions = ProgressFunctions.defaults();
        ProgressProcessor p = new ProgressProcessor(functions.progress(), functions.alerts(),
                Clock.fixed(now, ZoneOffset.UTC));
        p.init(context);
        return p;
    }

    private static StoryUpdate update(String articleId) {
        Article a = new Article(articleId, "feed", "Outlet", "https://example.org/" + articleId, "USMCA review",
                "", "en", BreakingNewsFixtures.T0, BreakingNewsFixtures.T0);
        ArticleMatch m = new ArticleMatch(a, new Match(Recommendation.USMCA, 2.0, List.of("t"), List.of("USMCA"),
                List.of(), Direction.NEUTRAL, null, ""));
        Story story = StoryClusterer.defaults().start(m).story();
        return new StoryUpdate(m, story, true);
    }

    private void publishNow() {
        context.scheduledPunctuators().stream()
                .filter(p -> p.getInterval().equals(ProgressProcessor.PUBLISH_EVERY))
                .forEach(p -> p.getPunctuator().punctuate(now.toEpochMilli()));
    }

    /** The snapshots forwarded so far (alerts, forwarded at once, are not what this is about). */
    private List<Map.Entry<String, Outcome>> forwarded() {
        return snapshots().stream().map(r -> Map.<String, Outcome>entry(r.key(), r.value())).toList();
    }

    private List<Record<? extends String, ? extends Outcome>> snapshots() {
        return context.forwarded().stream().<Record<? extends String, ? extends Outcome>>map(f -> f.record())
                .filter(r -> r.value().progress() != null).toList();
    }

    @Test
    void shouldPublishOneSnapshotPerChangedRecommendationWhateverTheMatchesBetween() {
        ProgressProcessor p = processor();
        for (int i = 0; i < 5; i++) {
            p.process(new Record<>("usmca", update("a" + i), BreakingNewsFixtures.T0.toEpochMilli() + i));
        }
        assertThat(forwarded()).isEmpty();
        assertThat(progress.get("usmca").unpublished()).isTrue();

        publishNow();
        assertThat(forwarded()).hasSize(1);
        Outcome snapshot = forwarded().get(0).getValue();
        assertThat(forwarded().get(0).getKey()).isEqualTo("usmca");
        assertThat(snapshot.progress().articles()).isEqualTo(5);
        assertThat(snapshots().get(0).timestamp())
                .isEqualTo(BreakingNewsFixtures.T0.toEpochMilli() + 4);
        assertThat(progress.get("usmca").unpublished()).isFalse();

        context.resetForwards();
        publishNow();
        assertThat(forwarded()).as("nothing changed since").isEmpty();
    }

    @Test
    void shouldPublishWhatAnEarlierTaskLeftUnpublished() {
        processor().process(new Record<>("usmca", update("a1"), BreakingNewsFixtures.T0.toEpochMilli()));
        assertThat(forwarded()).isEmpty(); // the task dies here, its state committed, its snapshot not sent

        newTask();
        processor();
        publishNow();
        assertThat(forwarded()).hasSize(1);
        assertThat(forwarded().get(0).getValue().progress().articles()).isEqualTo(1);
    }
}
