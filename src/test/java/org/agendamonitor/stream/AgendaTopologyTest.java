package org.agendamonitor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.agendamonitor.kafka.JsonSerde;
import org.agendamonitor.kafka.Topics;
import org.agendamonitor.metrics.AgendaMetrics;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.ArticleMatch;
import org.agendamonitor.model.Direction;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.MatchedArticle;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.progress.MinHash;
import org.agendamonitor.progress.StoryClusterer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgendaTopologyTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final JsonSerde<Article> ARTICLES = JsonSerde.of(Article.class);

    @org.junit.jupiter.api.io.TempDir
    Path stateDir;

    private SimpleMeterRegistry registry;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, MatchedArticle> matched;
    private TestOutputTopic<String, byte[]> deadLetter;

    /** A stand-in for the Lucene matcher: USMCA when the title says so, and a failure on demand. */
    private static List<Match> keywordMatcher(Article a) {
        if (a.title().contains("EXPLODE")) {
            throw new IllegalStateException("matcher failed on purpose");
        }
        List<Match> matches = new ArrayList<>();
        if (a.title().toUpperCase(Locale.ROOT).contains("USMCA")) {
            matches.add(new Match(Recommendation.USMCA, 2.0, List.of("agreement"), List.of("USMCA"), List.of(),
                    Direction.NEUTRAL, null, "title mentions USMCA"));
        }
        return matches;
    }

    @BeforeEach
    void setUp() {
        registry = new SimpleMeterRegistry();
        AgendaTopology topology = new AgendaTopology(AgendaTopologyTest::keywordMatcher,
                new AgendaMetrics(registry), Clock.fixed(T0.plusSeconds(2), ZoneOffset.UTC));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "agenda-monitor-test");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology.build(), props);
        raw = driver.createInputTopic(Topics.ARTICLES_RAW.name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        matched = driver.createOutputTopic(Topics.ARTICLES_MATCHED.name(), Serdes.String().deserializer(),
                Topics.ARTICLES_MATCHED.valueSerde().deserializer());
        deadLetter = driver.createOutputTopic(Topics.DEAD_LETTER.name(), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private static Article article(String id, String title, String language, Instant published) {
        return new Article(id, "feed-a", "Outlet A", "https://a.example/" + id, title, "summary", language,
                published, T0);
    }

    private void send(Article a) {
        raw.pipeInput(new TestRecord<>(a.id(), ARTICLES.toBytes(a), T0));
    }

    @Test
    void shouldWriteMatchedArticlesOnceWhenTheSameIdArrivesTwice() {
        Article a = article("a1", "USMCA review starts", "en", T0);
        send(a);
        send(new Article("a1", "feed-b", "Outlet B", a.url(), "USMCA review starts (updated)", "", "en", T0, T0));

        List<KeyValue<String, MatchedArticle>> out = matched.readKeyValuesToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).key).isEqualTo("a1");
        assertThat(out.get(0).value.title()).isEqualTo("USMCA review starts");
        assertThat(out.get(0).value.matches()).extracting(Match::recommendation).containsExactly(Recommendation.USMCA);
        assertThat(registry.counter("agenda.articles.duplicate").count()).isEqualTo(1.0);
    }

    @Test
    void shouldNotWriteArticlesThatMatchNothing() {
        send(article("n1", "Champions League final", "en", T0));
        assertThat(matched.isEmpty()).isTrue();
        assertThat(deadLetter.isEmpty()).isTrue();
    }

    @Test
    void shouldSendUnreadableBytesToTheDeadLetterTopicWithTheErrorInHeaders() {
        byte[] junk = "{not json".getBytes(StandardCharsets.UTF_8);
        raw.pipeInput(new TestRecord<>("bad-1", junk, T0));
        send(article("a2", "USMCA panel rules on corn", "en", T0));

        TestRecord<String, byte[]> dead = deadLetter.readRecord();
        assertThat(dead.key()).isEqualTo("bad-1");
        assertThat(dead.value()).isEqualTo(junk);
        Headers h = dead.headers();
        assertThat(new String(h.lastHeader(DeadLetterHeaders.STAGE).value(), StandardCharsets.UTF_8))
                .isEqualTo("decode");
        assertThat(new String(h.lastHeader(DeadLetterHeaders.MESSAGE).value(), StandardCharsets.UTF_8))
                .contains("not a valid Article JSON");
        assertThat(matched.readValuesToList()).extracting(MatchedArticle::id).containsExactly("a2");
        assertThat(registry.counter("agenda.articles.deadletter").count()).isEqualTo(1.0);
    }

    @Test
    void shouldDeadLetterARecordWhoseKeyIsNotItsArticleId() {
        raw.pipeInput(new TestRecord<>("other-key", ARTICLES.toBytes(article("a3", "USMCA", "en", T0)), T0));
        assertThat(matched.isEmpty()).isTrue();
        assertThat(new String(deadLetter.readRecord().headers().lastHeader(DeadLetterHeaders.MESSAGE).value(),
                StandardCharsets.UTF_8)).contains("is not the article id");
    }

    @Test
    void shouldDeadLetterAnArticleTheMatcherFailsOnAndGoOn() {
        Article bad = article("boom", "EXPLODE USMCA", "en", T0);
        send(bad);
        send(article("fine", "USMCA talks", "en", T0));
        TestRecord<String, byte[]> dead = deadLetter.readRecord();
        assertThat(dead.key()).isEqualTo("boom");
        assertThat(ARTICLES.fromBytes(dead.value())).isEqualTo(bad);
        assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.STAGE).value(), StandardCharsets.UTF_8))
                .isEqualTo("match");
        assertThat(matched.readValuesToList()).extracting(MatchedArticle::id).containsExactly("fine");
    }

    /**
     * What goes through the repartition topic to the story stage: one record per match, keyed by recommendation, with
     * the article's signature made from its title and summary, and the summary left behind.
     */
    @Test
    void shouldSendEachMatchOnWithTheArticlesSignatureInsteadOfItsSummary() {
        Article a = new Article("s1", "feed-a", "Outlet A", "https://a.example/s1", "USMCA review starts",
                "Trade ministers of Mexico, Canada and the United States open the joint review in Mexico City.", "en",
                T0, T0);
        send(a);

        TestOutputTopic<String, ArticleMatch> repartition = driver.createOutputTopic(
                "agenda-monitor-test-" + StoreNames.MATCHES_BY_RECOMMENDATION + "-repartition",
                Serdes.String().deserializer(), JsonSerde.of(ArticleMatch.class).deserializer());
        List<KeyValue<String, ArticleMatch>> sent = repartition.readKeyValuesToList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).key).isEqualTo("usmca");
        ArticleMatch m = sent.get(0).value;
        assertThat(m.signature()).isEqualTo(StoryClusterer.signatureOf(a)).hasSize(MinHash.SIZE);
        assertThat(m.article().summary()).isEmpty();
        assertThat(m.article().title()).isEqualTo(a.title());
        assertThat(StoryClusterer.defaults().signature(m)).isEqualTo(StoryClusterer.signatureOf(a));
        // a record written before matches carried signatures (in flight at an upgrade): signed from its article
        String before = "{\"article\":" + new String(ARTICLES.toBytes(a), StandardCharsets.UTF_8) + ",\"match\":"
                + new String(JsonSerde.of(Match.class).toBytes(m.match()), StandardCharsets.UTF_8) + "}";
        ArticleMatch old = JsonSerde.of(ArticleMatch.class).fromBytes(before.getBytes(StandardCharsets.UTF_8));
        assertThat(old.signature()).isNull();
        assertThat(StoryClusterer.defaults().signature(old)).isEqualTo(StoryClusterer.signatureOf(a));
    }

    @Test
    void shouldCountDistinctMatchedArticlesPerRecommendationAndLanguage() {
        send(article("e1", "USMCA one", "en", T0));
        send(article("e2", "USMCA two", "en", T0.plusSeconds(60)));
        send(article("s1", "USMCA tres", "es", T0.plusSeconds(120)));
        send(article("e1", "USMCA one again", "en", T0));

        KeyValueStore<String, Long> counts = driver.getKeyValueStore(StoreNames.MATCH_COUNTS);
        assertThat(counts.get("usmca|en")).isEqualTo(2L);
        assertThat(counts.get("usmca|es")).isEqualTo(1L);
        assertThat(counts.get("merida|en")).isNull();
    }

    @Test
    void shouldKeepRecentMatchesNewestFirst() {
        send(article("old", "USMCA old", "en", T0.minusSeconds(3600)));
        send(article("new", "USMCA new", "en", T0));
        send(article("mid", "USMCA mid", "en", T0.minusSeconds(60)));

        KeyValueStore<String, MatchedArticle> recent = driver.getKeyValueStore(StoreNames.RECENT_MATCHES);
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<String, MatchedArticle> it = recent.all()) {
            it.forEachRemaining(kv -> ids.add(kv.value.id()));
        }
        assertThat(ids).containsExactly("new", "mid", "old");
    }

    @Test
    void shouldRecordPipelineLatencyFromFetchToMatch() {
        send(article("lat", "USMCA latency", "en", T0));
        assertThat(registry.timer("agenda.pipeline.latency").count()).isEqualTo(1);
        assertThat(registry.timer("agenda.pipeline.latency").totalTime(java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo(2.0);
    }

    /**
     * Store and processor names become internal topic names; a rename breaks the upgrade of a running app. This
     * golden file makes any change to them visible in review. Regenerate deliberately with -Dgolden.update=true.
     */
    @Test
    void shouldDescribeTheSameTopologyAsTheGoldenFile() throws IOException {
        String described = new AgendaTopology(a -> List.of(), new AgendaMetrics(new SimpleMeterRegistry()),
                Clock.systemUTC()).build().describe().toString();
        Path golden = Path.of("src/test/resources/golden/topology.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, described);
        }
        assertThat(described).isEqualTo(Files.readString(golden));
    }

    /** The benchmark's stage costs cut the production topology after a stage; each cut holds what it says. */
    @Test
    void shouldBuildTheTopologyUpToTheStageAskedFor() {
        String match = described(AgendaTopology.Stage.MATCH);
        String repartition = described(AgendaTopology.Stage.REPARTITION);
        String stories = described(AgendaTopology.Stage.STORIES);
        String all = described(AgendaTopology.Stage.ALL);

        assertThat(match).contains("matched-articles-sink", "index-matches")
                .doesNotContain("matches-by-recommendation-repartition", "cluster-stories", "cut-here");
        assertThat(repartition).contains("matched-articles-sink", "matches-by-recommendation-repartition", "cut-here")
                .doesNotContain("cluster-stories");
        assertThat(stories).contains("cluster-stories", "cut-here").doesNotContain("track-progress", "alerts-sink");
        assertThat(all).contains("track-progress", "alerts-sink", "progress-sink").doesNotContain("cut-here")
                .isEqualTo(new AgendaTopology(a -> List.of(), new AgendaMetrics(new SimpleMeterRegistry()),
                        Clock.systemUTC()).build().describe().toString());
    }

    private static String described(AgendaTopology.Stage through) {
        return new AgendaTopology(a -> List.of(), new AgendaMetrics(new SimpleMeterRegistry()), Clock.systemUTC())
                .build(through).describe().toString();
    }
}
