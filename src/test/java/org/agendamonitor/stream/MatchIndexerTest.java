package org.agendamonitor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.agendamonitor.BreakingNewsFixtures;
import org.agendamonitor.kafka.JsonSerde;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.Direction;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.MatchedArticle;
import org.agendamonitor.model.Recommendation;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.InternalFixedKeyRecordFactory;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recent-matches store holds the newest {@code cap} articles at every moment, not only after a periodic trim,
 * and every article is counted.
 */
class MatchIndexerTest {
    private static final JsonSerde<MatchedArticle> MATCHED = JsonSerde.of(MatchedArticle.class);

    @TempDir
    Path stateDir;

    private static Topology topology(int cap) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.MATCH_COUNTS),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.RECENT_MATCHES),
                Serdes.String(), MATCHED));
        builder.stream("matched", Consumed.with(Serdes.String(), MATCHED))
                .processValues(() -> new MatchIndexer(cap), StoreNames.MATCH_COUNTS, StoreNames.RECENT_MATCHES);
        return builder.build();
    }

    private TopologyTestDriver driver(int cap) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "match-indexer-test");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return new TopologyTestDriver(topology(cap), props);
    }

    private static MatchedArticle article(int minute) {
        Article a = BreakingNewsFixtures.article("a" + minute, "feed", "Source", "USMCA review " + minute, "", "en",
                BreakingNewsFixtures.T0.plus(Duration.ofMinutes(minute)));
        return MatchedArticle.of(a, List.of(new Match(Recommendation.USMCA, 2.0, List.of("review"), List.of("USMCA"),
                List.of(), Direction.NEUTRAL, null, "")));
    }

    private static void send(TopologyTestDriver driver, int... minutes) {
        TestInputTopic<String, MatchedArticle> in = driver.createInputTopic("matched", Serdes.String().serializer(),
                MATCHED.serializer());
        for (int minute : minutes) {
            MatchedArticle a = article(minute);
            in.pipeInput(a.id(), a);
        }
    }

    private static List<String> recentIds(TopologyTestDriver driver) {
        KeyValueStore<String, MatchedArticle> recent = driver.getKeyValueStore(StoreNames.RECENT_MATCHES);
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<String, MatchedArticle> it = recent.all()) {
            it.forEachRemaining(kv -> ids.add(kv.value.id()));
        }
        return ids;
    }

    @Test
    void shouldKeepTheNewestArticlesUpToTheCapAsTheyArrive() {
        try (TopologyTestDriver driver = driver(3)) {
            send(driver, 5, 1, 9, 3, 7, 2);

            assertThat(recentIds(driver)).as("newest first, without any punctuation").containsExactly("a9", "a7", "a5");
            KeyValueStore<String, Long> counts = driver.getKeyValueStore(StoreNames.MATCH_COUNTS);
            assertThat(counts.get(RecentKey.countKey("usmca", "en"))).isEqualTo(6L);
        }
    }

    /**
     * A restart as a revived task sees it: a new indexer over the stores as the changelog restored them (the same
     * store objects here; the test driver deletes its state directory on close, so it cannot restart).
     */
    @Test
    void shouldRebuildItsKeysFromTheStoreOnRestartAndKeepTheCap() {
        MockProcessorContext<String, MatchedArticle> mock = new MockProcessorContext<>();
        KeyValueStore<String, Long> counts = inMemoryStore(mock, StoreNames.MATCH_COUNTS, Serdes.Long());
        KeyValueStore<String, MatchedArticle> recent = inMemoryStore(mock, StoreNames.RECENT_MATCHES, MATCHED);
        List<String> forwarded = new ArrayList<>();
        FixedKeyProcessorContext<String, MatchedArticle> context = context(Map.of(StoreNames.MATCH_COUNTS, counts,
                StoreNames.RECENT_MATCHES, recent), forwarded);

        MatchIndexer before = new MatchIndexer(5);
        before.init(context);
        process(before, 5, 1, 9, 3, 7, 2);
        assertThat(ids(recent)).containsExactly("a9", "a7", "a5", "a3", "a2");

        MatchIndexer after = new MatchIndexer(3); // restarted, and with a smaller cap: the surplus goes at once
        after.init(context);
        assertThat(ids(recent)).containsExactly("a9", "a7", "a5");
        process(after, 8, 4);
        assertThat(ids(recent)).as("the restarted indexer knows the stored keys, not only the new ones")
                .containsExactly("a9", "a8", "a7");
        assertThat(counts.get(RecentKey.countKey("usmca", "en"))).isEqualTo(8L);
        assertThat(forwarded).hasSize(8);
    }

    private static <V> KeyValueStore<String, V> inMemoryStore(MockProcessorContext<?, ?> mock, String name,
            Serde<V> values) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), values).withLoggingDisabled().build();
        store.init(mock.getStateStoreContext(), store);
        return store;
    }

    /** The two calls the indexer makes of its context; anything else fails the test. */
    @SuppressWarnings("unchecked")
    private static FixedKeyProcessorContext<String, MatchedArticle> context(Map<String, StateStore> stores,
            List<String> forwarded) {
        return (FixedKeyProcessorContext<String, MatchedArticle>) Proxy.newProxyInstance(
                MatchIndexerTest.class.getClassLoader(), new Class<?>[] {FixedKeyProcessorContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getStateStore" -> stores.get((String) args[0]);
                    case "forward" -> {
                        forwarded.add(((FixedKeyRecord<String, ?>) args[0]).key());
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static void process(MatchIndexer indexer, int... minutes) {
        for (int minute : minutes) {
            MatchedArticle a = article(minute);
            indexer.process(fixedKeyRecord(a));
        }
    }

    /** FixedKeyRecord has no public constructor: Kafka's own factory for it (what the Streams runtime uses). */
    private static FixedKeyRecord<String, MatchedArticle> fixedKeyRecord(MatchedArticle a) {
        return InternalFixedKeyRecordFactory.create(new Record<>(a.id(), a, 0L));
    }

    private static List<String> ids(KeyValueStore<String, MatchedArticle> store) {
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<String, MatchedArticle> it = store.all()) {
            it.forEachRemaining(kv -> ids.add(kv.value.id()));
        }
        return ids;
    }
}
