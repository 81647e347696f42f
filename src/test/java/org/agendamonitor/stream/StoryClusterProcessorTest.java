package org.agendamonitor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.agendamonitor.BreakingNewsFixtures;
import org.agendamonitor.kafka.Json;
import org.agendamonitor.kafka.JsonSerde;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.ArticleMatch;
import org.agendamonitor.model.Direction;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.model.Story;
import org.agendamonitor.model.StoryArticle;
import org.agendamonitor.progress.MinHash;
import org.agendamonitor.progress.StoryCluster;
import org.agendamonitor.progress.StoryClusterer;
import org.agendamonitor.MutableClock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The story stage over its three stores: its in-memory index is rebuilt from them on every start, stories stored by
 * the previous version (signatures inline) are migrated, and retention empties all three.
 */
class StoryClusterProcessorTest {
    private final MutableClock clock = new MutableClock(BreakingNewsFixtures.T0.plus(Duration.ofHours(1)));
    private MockProcessorContext<String, StoryUpdate> context;
    private KeyValueStore<String, StoryCluster> clusters;
    private KeyValueStore<String, String> articleStories;
    private KeyValueStore<String, byte[]> signatures;
    /** The bytes under {@link #clusters}, to store a record the way an older version wrote it. */
    private KeyValueStore<Bytes, byte[]> rawClusters;

    @BeforeEach
    void stores() {
        context = new MockProcessorContext<>();
        rawClusters = Stores.inMemoryKeyValueStore(StoreNames.STORY_CLUSTERS).get();
        KeyValueBytesStoreSupplier supplier = new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return StoreNames.STORY_CLUSTERS;
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return rawClusters;
            }

            @Override
            public String metricsScope() {
                return "in-memory";
            }
        };
        clusters = Stores.keyValueStoreBuilder(supplier, Serdes.String(), JsonSerde.of(StoryCluster.class))
                .withLoggingDisabled().build();
        clusters.init(context.getStateStoreContext(), clusters);
        context.addStateStore(clusters);
        articleStories = store(StoreNames.ARTICLE_STORIES, Serdes.String(), Serdes.String());
        signatures = store(StoreNames.STORY_SIGNATURES, Serdes.String(), Serdes.ByteArray());
    }

    private <V> KeyValueStore<String, V> store(String name, org.apache.kafka.common.serialization.Serde<String> keys,
            org.apache.kafka.common.serialization.Serde<V> values) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keys, values)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    /** A fresh processor over the same stores: what a restarted or migrated task gets. */
    private StoryClusterProcessor start() {
        StoryClusterProcessor processor = new StoryClusterProcessor(StoryClusterer.defaults(), clock);
        processor.init(context);
        return processor;
    }

    private static ArticleMatch usmca(Article a) {
        return new ArticleMatch(a, new Match(Recommendation.USMCA, 3.0, List.of("review"), List.of("USMCA"), List.of(),
                Direction.NEUTRAL, null, ""));
    }

    private List<StoryUpdate> send(StoryClusterProcessor processor, Article... articles) {
        context.resetForwards();
        for (Article a : articles) {
            processor.process(new Record<>("usmca", usmca(a), a.publishedAt().toEpochMilli()));
        }
        List<StoryUpdate> out = new ArrayList<>();
        context.forwarded().forEach(f -> out.add(f.record().value()));
        return out;
    }

    @Test
    void shouldFindAStoryAfterARestartFromTheStoresAlone() {
        List<Article> story = BreakingNewsFixtures.usmcaStory();
        List<StoryUpdate> first = send(start(), story.get(0), story.get(1));
        String id = first.get(0).story().id();

        List<StoryUpdate> afterRestart = send(start(), story.get(2), BreakingNewsFixtures.otherUsmcaArticle());

        assertThat(afterRestart.get(0).story().id()).isEqualTo(id);
        assertThat(afterRestart.get(0).newStory()).isFalse();
        assertThat(afterRestart.get(0).story().size()).isEqualTo(3);
        assertThat(afterRestart.get(1).newStory()).isTrue();
        assertThat(signatures.get(StoryClusterProcessor.signatureKey(id, story.get(2).id()))).hasSize(4 * MinHash.SIZE);
        assertThat(send(start(), story.get(1))).as("a replayed article is not placed again").isEmpty();
    }

    @Test
    void shouldMigrateAStoryStoredWithItsSignaturesInline() throws Exception {
        Article original = BreakingNewsFixtures.usmcaStory().get(0);
        StoryCluster current = StoryClusterer.defaults().start(usmca(original));
        ObjectNode legacy = Json.MAPPER.createObjectNode();
        legacy.set("story", Json.MAPPER.valueToTree(current.story()));
        ArrayNode inline = legacy.putArray("signatures").addArray();
        for (int v : StoryClusterer.signatureOf(original)) {
            inline.add(v);
        }
        rawClusters.put(Bytes.wrap(current.story().id().getBytes(StandardCharsets.UTF_8)),
                Json.MAPPER.writeValueAsBytes(legacy));
        assertThat(clusters.get(current.story().id()).legacy()).isTrue();
        articleStories.put(StoryClusterProcessor.articleKey(original.id(), "usmca"), current.story().id());

        List<StoryUpdate> out = send(start(), BreakingNewsFixtures.usmcaStory().get(1));

        assertThat(out.get(0).story().id()).isEqualTo(current.story().id());
        assertThat(clusters.get(current.story().id()).representatives()).startsWith("legacy-0");
        assertThat(clusters.get(current.story().id()).legacy()).isFalse();
        assertThat(signatures.get(StoryClusterProcessor.signatureKey(current.story().id(), "legacy-0"))).isNotNull();
    }

    /** The story the clusterer alone makes of {@code articles}, in order: what the stage must agree with. */
    private static StoryCluster clusteredInMemory(List<Article> articles) {
        StoryClusterer clusterer = StoryClusterer.defaults();
        StoryCluster c = clusterer.start(usmca(articles.get(0)));
        for (Article a : articles.subList(1, articles.size())) {
            c = clusterer.join(c, usmca(a));
        }
        return c;
    }

    /**
     * A story bigger than it lists, read back from the store by a restarted task (not from the objects the last one
     * kept in memory), goes on listing the first and the latest articles exactly as if nothing had restarted.
     */
    @Test
    void shouldListABigStorysArticlesTheSameAfterARestart() {
        Article first = BreakingNewsFixtures.usmcaStory().get(0);
        List<Article> all = new ArrayList<>(List.of(first));
        all.addAll(BreakingNewsFixtures.copiesOf(first, 31));
        List<StoryUpdate> before = send(start(), all.subList(0, 31).toArray(Article[]::new));
        String id = before.get(0).story().id();
        assertThat(before).extracting(u -> u.story().id()).containsOnly(id);
        assertThat(clusters.get(id).story().articles()).hasSize(Story.LISTED);

        StoryUpdate afterRestart = send(start(), all.get(31)).get(0);

        assertThat(afterRestart.story().id()).isEqualTo(id);
        assertThat(afterRestart.story().size()).isEqualTo(32);
        assertThat(afterRestart.story().articles()).isEqualTo(clusteredInMemory(all).story().articles())
                .extracting(StoryArticle::id).startsWith(first.id()).endsWith(all.get(31).id());
    }

    @Test
    void shouldForgetStoriesPastRetentionInEveryStore() {
        List<Article> story = BreakingNewsFixtures.usmcaStory();
        send(start(), story.toArray(Article[]::new));
        assertThat(clusters.approximateNumEntries()).isEqualTo(1);

        clock.set(BreakingNewsFixtures.T0.plus(StoryClusterProcessor.RETENTION).plus(Duration.ofHours(2)));
        context.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(clock.instant().toEpochMilli()));

        assertThat(clusters.approximateNumEntries()).isZero();
        assertThat(signatures.approximateNumEntries()).isZero();
        assertThat(articleStories.approximateNumEntries()).isZero();
        assertThat(send(start(), story.get(0)).get(0).newStory()).isTrue();
    }

    @Test
    void shouldForgetOnlyTheStoriesPastRetentionAndTheArticlesThatPointToThem() {
        List<Article> old = BreakingNewsFixtures.usmcaStory();
        StoryClusterProcessor processor = start();
        String oldId = send(processor, old.toArray(Article[]::new)).get(0).story().id();
        Instant later = BreakingNewsFixtures.T0.plus(StoryClusterProcessor.RETENTION).plus(Duration.ofHours(2));
        List<Article> live = BreakingNewsFixtures.recent(List.of(BreakingNewsFixtures.otherUsmcaArticle()), later);
        String liveId = send(processor, live.get(0)).get(0).story().id();

        clock.set(later);
        context.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(later.toEpochMilli()));

        assertThat(clusters.get(oldId)).isNull();
        assertThat(clusters.get(liveId)).isNotNull();
        assertThat(articleStories.get(StoryClusterProcessor.articleKey(old.get(0).id(), "usmca"))).isNull();
        assertThat(articleStories.get(StoryClusterProcessor.articleKey(live.get(0).id(), "usmca"))).isEqualTo(liveId);
        assertThat(signatures.approximateNumEntries()).as("only the live story's signature").isEqualTo(1);
        assertThat(send(processor, live.get(0))).as("the live story still knows its article").isEmpty();
    }

    /**
     * Partitions replayed by different stream threads drift apart: articles ten days behind the newest, older than
     * the index reaches, still join their stories, the old ones from the stores and the ones started since the index
     * was widened for them, before and after a restart.
     */
    @Test
    void shouldPlaceArticlesOfAPartitionReplayedDaysBehindTheOthersInTheirStories() {
        List<Article> usmca = BreakingNewsFixtures.usmcaStory();
        List<Article> merida = BreakingNewsFixtures.meridaCityStory();
        Instant ahead = BreakingNewsFixtures.T0.plus(Duration.ofDays(10));
        Article steel = BreakingNewsFixtures.otherUsmcaArticle();
        Article steelAhead = BreakingNewsFixtures.article("steel-ahead-1", "wire-a", "Wire A", steel.title(),
                steel.summary(), "en", ahead);
        Article steelAheadToo = BreakingNewsFixtures.article("steel-ahead-2", "wire-b", "Wire B", steel.title(),
                steel.summary(), "en", ahead.plusSeconds(600));
        StoryClusterProcessor processor = start();
        String usmcaId = send(processor, usmca.get(0), usmca.get(1)).get(0).story().id();
        String steelId = send(processor, steelAhead).get(0).story().id();

        List<StoryUpdate> late = send(processor, usmca.get(2), merida.get(0), merida.get(1), steelAheadToo,
                usmca.get(3));

        assertThat(late).extracting(u -> u.story().id())
                .containsExactly(usmcaId, late.get(1).story().id(), late.get(1).story().id(), steelId, usmcaId);
        assertThat(late).extracting(StoryUpdate::newStory).containsExactly(false, true, false, false, false);
        assertThat(late.get(4).story().size()).isEqualTo(4);
        List<StoryUpdate> afterRestart = send(start(), merida.get(2));
        assertThat(afterRestart.get(0).story().id()).isEqualTo(late.get(1).story().id());
        assertThat(afterRestart.get(0).story().size()).isEqualTo(3);
    }
}
