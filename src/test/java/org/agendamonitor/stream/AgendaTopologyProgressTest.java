package org.agendamonitor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.agendamonitor.BreakingNewsFixtures;
import org.agendamonitor.MutableClock;
import org.agendamonitor.config.AgendaSpec;
import org.agendamonitor.config.AgendaSpecLoader;
import org.agendamonitor.kafka.JsonSerde;
import org.agendamonitor.kafka.Topics;
import org.agendamonitor.match.AgendaMatcher;
import org.agendamonitor.metrics.AgendaMetrics;
import org.agendamonitor.model.Alert;
import org.agendamonitor.model.AlertReason;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.ProgressSnapshot;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.progress.ProgressState;
import org.agendamonitor.progress.StoryCluster;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stories, progress and breaking-story alerts through the real topology and the real matcher on config/agenda.yaml,
 * with explicit event times and a hand-moved clock (the topology's "now" and the driver's wall clock move together).
 */
class AgendaTopologyProgressTest {
    private static final JsonSerde<Article> ARTICLES = JsonSerde.of(Article.class);
    private static AgendaSpec agenda;
    private static AgendaMatcher matcher;

    @TempDir
    Path stateDir;

    private final MutableClock clock = new MutableClock(BreakingNewsFixtures.T0.plusSeconds(60));
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<String, ProgressSnapshot> progress;

    @BeforeAll
    static void loadAgenda() {
        agenda = AgendaSpecLoader.load(Path.of("config", "agenda.yaml"));
        matcher = new AgendaMatcher(agenda);
    }

    @AfterAll
    static void closeMatcher() {
        matcher.close();
    }

    @BeforeEach
    void setUp() {
        AgendaTopology topology = new AgendaTopology(matcher::match, new AgendaMetrics(new SimpleMeterRegistry()),
                clock, ProgressFunctions.fromAgenda(agenda));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "agenda-monitor-test");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology.build(), props, clock.instant());
        raw = driver.createInputTopic(Topics.ARTICLES_RAW.name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), Serdes.String().deserializer(),
                Topics.ALERTS.valueSerde().deserializer());
        progress = driver.createOutputTopic(Topics.PROGRESS.name(), Serdes.String().deserializer(),
                Topics.PROGRESS.valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    /** Publishes an article as the ingest stage would, the clock standing just after its fetch. */
    private void send(Article a) {
        if (clock.instant().isBefore(a.fetchedAt())) {
            clock.set(a.fetchedAt());
        }
        raw.pipeInput(new TestRecord<>(a.id(), ARTICLES.toBytes(a), a.fetchedAt()));
    }

    /** The snapshot the publishing punctuator emits for a recommendation that changed. */
    private ProgressSnapshot lastSnapshot(String recommendation) {
        driver.advanceWallClockTime(ProgressProcessor.PUBLISH_EVERY);
        return progress.readKeyValuesToList().stream().filter(kv -> kv.key.equals(recommendation))
                .reduce((a, b) -> b).orElseThrow().value;
    }

    @Test
    void shouldRaiseExactlyOneAlertWhenThreeOutletsCarryTheSameUsmcaStory() {
        List<Article> story = BreakingNewsFixtures.usmcaStory();
        send(story.get(0));
        send(story.get(1));
        assertThat(alerts.isEmpty()).isTrue();
        send(story.get(2));

        List<KeyValue<String, Alert>> raised = alerts.readKeyValuesToList();
        assertThat(raised).hasSize(1);
        Alert alert = raised.get(0).value;
        assertThat(raised.get(0).key).isEqualTo(alert.storyId()).startsWith("usmca-");
        assertThat(alert.recommendation()).isEqualTo(Recommendation.USMCA);
        assertThat(alert.reason()).isEqualTo(AlertReason.OUTLETS);
        assertThat(alert.sources()).containsExactly("Wire A", "Wire B", "Paper C");
        assertThat(alert.headline()).isEqualTo(story.get(0).title());
        assertThat(alert.terms()).contains("USMCA", "joint review");
        assertThat(alert.firstSeen()).isEqualTo(BreakingNewsFixtures.T0);
        KeyValueStore<String, Alert> stored = driver.getKeyValueStore(StoreNames.ALERTS);
        assertThat(stored.get(alert.id())).isEqualTo(alert);
    }

    @Test
    void shouldNotAlertAgainForAFourthOutletOrAReplayButGrowTheStoredOutlets() {
        BreakingNewsFixtures.usmcaStory().forEach(this::send);
        Alert alert = alerts.readValue();
        assertThat(alerts.isEmpty()).isTrue();

        BreakingNewsFixtures.usmcaStory().forEach(this::send); // a full replay of the raw topic
        assertThat(alerts.isEmpty()).isTrue();

        KeyValueStore<String, Alert> stored = driver.getKeyValueStore(StoreNames.ALERTS);
        try (var all = stored.all()) {
            assertThat(all).toIterable().hasSize(1);
        }
        assertThat(stored.get(alert.id()).sources()).containsExactly("Wire A", "Wire B", "Paper C", "Paper D");
        assertThat(stored.get(alert.id()).urls()).hasSize(4);
        assertThat(stored.get(alert.id()).raisedAt()).isEqualTo(alert.raisedAt());
    }

    @Test
    void shouldIgnoreAMatchThatReachesTheRecommendationTopicTwice() {
        BreakingNewsFixtures.usmcaStory().forEach(this::send);
        ProgressSnapshot before = lastSnapshot("usmca");
        TestInputTopic<String, byte[]> repartition = driver.createInputTopic(
                "agenda-monitor-test-" + StoreNames.MATCHES_BY_RECOMMENDATION + "-repartition",
                Serdes.String().serializer(), Serdes.ByteArray().serializer());
        Article first = BreakingNewsFixtures.usmcaStory().get(0);
        var match = new org.agendamonitor.model.ArticleMatch(first, matcher.match(first).get(0));
        repartition.pipeInput("usmca", JsonSerde.of(org.agendamonitor.model.ArticleMatch.class).toBytes(match));
        driver.advanceWallClockTime(ProgressProcessor.PUBLISH_EVERY);
        assertThat(progress.isEmpty()).isTrue();
        assertThat(alerts.isEmpty()).isFalse(); // the original alert, still unread
        KeyValueStore<String, ProgressState> state = driver.getKeyValueStore(StoreNames.PROGRESS);
        assertThat(state.get("usmca").articles()).isEqualTo(before.articles()).isEqualTo(4);
    }

    @Test
    void shouldRaiseNothingForAStoryAboutMeridaTheCity() {
        BreakingNewsFixtures.meridaCityStory().forEach(this::send);
        driver.advanceWallClockTime(ProgressProcessor.PUBLISH_EVERY);
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(progress.isEmpty()).isTrue();
        KeyValueStore<String, StoryCluster> stories = driver.getKeyValueStore(StoreNames.STORY_CLUSTERS);
        try (var all = stories.all()) {
            assertThat(all.hasNext()).isFalse();
        }
    }

    @Test
    void shouldGroupTheOutletsIntoOneStoryAndCountArticlesAndStoriesApart() {
        BreakingNewsFixtures.usmcaStory().forEach(this::send);
        send(BreakingNewsFixtures.otherUsmcaArticle());

        KeyValueStore<String, String> articleStories = driver.getKeyValueStore(StoreNames.ARTICLE_STORIES);
        String storyId = articleStories.get("usmca-wire-1|usmca");
        assertThat(BreakingNewsFixtures.usmcaStory()).allSatisfy(a ->
                assertThat(articleStories.get(a.id() + "|usmca")).isEqualTo(storyId));
        assertThat(articleStories.get("usmca-steel|usmca")).isNotEqualTo(storyId);
        KeyValueStore<String, StoryCluster> stories = driver.getKeyValueStore(StoreNames.STORY_CLUSTERS);
        assertThat(stories.get(storyId).story().outlets()).containsExactly("Wire A", "Wire B", "Paper C", "Paper D");

        ProgressSnapshot p = lastSnapshot("usmca");
        assertThat(p.articles()).isEqualTo(5);
        assertThat(p.stories()).isEqualTo(2);
        assertThat(p.articlesToday()).isEqualTo(5);
        assertThat(p.articlesTodayByLanguage()).containsEntry("en", 5L);
        assertThat(p.daily()).hasSize(14).last().satisfies(d -> assertThat(d.articles()).isEqualTo(5));
        assertThat(p.alerts()).isEqualTo(1);
        assertThat(p.milestones()).anySatisfy(m -> {
            assertThat(m.id()).isEqualTo("joint-review-concluded");
            assertThat(m.lastSeen()).isNotNull();
        });
        assertThat(p.signalsTotal().advance() + p.signalsTotal().setback() + p.signalsTotal().neutral())
                .isEqualTo(5);
    }

    @Test
    void shouldRepublishSnapshotsWhenTheDayRollsOverOnAQuietDay() {
        BreakingNewsFixtures.usmcaStory().forEach(this::send);
        assertThat(lastSnapshot("usmca").articlesToday()).isEqualTo(4);

        driver.advanceWallClockTime(Duration.ofSeconds(30));
        assertThat(progress.isEmpty()).isTrue(); // same hour: nothing to republish

        clock.set(Instant.parse("2026-11-29T00:00:30Z"));
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        ProgressSnapshot nextDay = lastSnapshot("usmca");
        assertThat(nextDay.computedAt()).isEqualTo(clock.instant());
        assertThat(nextDay.articlesToday()).isZero();
        assertThat(nextDay.articlesWeek()).isEqualTo(4);
        assertThat(nextDay.daily().get(12).date()).isEqualTo("2026-11-28");
        assertThat(nextDay.daily().get(12).articles()).isEqualTo(4);
        assertThat(nextDay.daily().get(13).date()).isEqualTo("2026-11-29");
    }

    @Test
    void shouldNotAlertOnABackfillOfOldNews() {
        Duration age = Duration.ofDays(3);
        clock.set(BreakingNewsFixtures.T0.plus(age).plusSeconds(3600));
        BreakingNewsFixtures.usmcaStory().forEach(a -> send(new Article(a.id(), a.feedId(), a.source(), a.url(),
                a.title(), a.summary(), a.language(), a.publishedAt(), a.fetchedAt())));
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(lastSnapshot("usmca").articlesWeek()).isEqualTo(4);
    }
}
