package org.agendamonitor.stream;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.agendamonitor.kafka.JsonSerde;
import org.agendamonitor.kafka.Topics;
import org.agendamonitor.metrics.AgendaMetrics;
import org.agendamonitor.model.Alert;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.ArticleMatch;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.MatchedArticle;
import org.agendamonitor.model.ProgressSnapshot;
import org.agendamonitor.progress.ProgressState;
import org.agendamonitor.progress.StoryCluster;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The one place the Kafka Streams topology is assembled. It reads like the DESIGN diagram:
 * raw articles → decode → deduplicate → match → index for the API, written to the matched topic; then one record per
 * match, repartitioned by recommendation → stories → progress and breaking-story alerts.
 *
 * <p>Topics: reads {@code agenda.articles.raw.v1} (key article id as UTF-8 string, value {@link Article} JSON read
 * as bytes so a bad record cannot stop the app); writes {@code agenda.articles.matched.v1} (key article id, value
 * {@link MatchedArticle} JSON, only articles with at least one match) and {@code agenda.deadletter.v1} (original key
 * and bytes; headers {@code agenda.error.stage|class|message}), {@code agenda.progress.v1} (key recommendation id,
 * value {@link ProgressSnapshot} JSON, compacted) and {@code agenda.alerts.v1} (key story id, value {@link Alert}
 * JSON, at most one per story). Internal: {@code <application.id>-matches-by-recommendation-repartition} (key
 * recommendation id, value {@link ArticleMatch} JSON, timestamp = the article's event time).
 *
 * <p>Stores: {@value StoreNames#ARTICLE_IDS} (article id → first-seen millis), {@value StoreNames#MATCH_COUNTS}
 * ("recommendation|language" → distinct matched articles), {@value StoreNames#RECENT_MATCHES} (newest-first key →
 * matched article), {@value StoreNames#STORY_CLUSTERS} (story id → story and its representatives),
 * {@value StoreNames#ARTICLE_STORIES} ("article id|recommendation" → story id),
 * {@value StoreNames#STORY_SIGNATURES} ("story id|article id" → a representative's signature), {@value StoreNames#PROGRESS}
 * (recommendation id → progress state), {@value StoreNames#ALERT_IDS} (story id → alert id) and
 * {@value StoreNames#ALERTS} (alert id → alert). All are changelogged ({@link #addStores} tells which live on disk);
 * with exactly-once their updates commit atomically with the output records, so a restart or replay neither loses
 * nor repeats a count or an alert.
 */
public final class AgendaTopology {
    static final Duration DEDUP_RETENTION = Duration.ofDays(180);
    static final int RECENT_CAP = 5_000;

    private static final JsonSerde<Article> ARTICLE_SERDE = JsonSerde.of(Article.class);
    private static final JsonSerde<MatchedArticle> MATCHED_SERDE = JsonSerde.of(MatchedArticle.class);
    private static final JsonSerde<ArticleMatch> ARTICLE_MATCH_SERDE = JsonSerde.of(ArticleMatch.class);

    private final Function<Article, List<Match>> matcher;
    private final AgendaMetrics metrics;
    private final Clock clock;
    private final ProgressFunctions functions;
    /** Matches ahead of the stream thread (null: the stream thread matches every article itself). */
    private final MatchAhead ahead;

    /** With the default story, progress and alert rules (milestone labels and alert rules not from an agenda). */
    public AgendaTopology(Function<Article, List<Match>> matcher, AgendaMetrics metrics, Clock clock) {
        this(matcher, metrics, clock, ProgressFunctions.defaults());
    }

    public AgendaTopology(Function<Article, List<Match>> matcher, AgendaMetrics metrics, Clock clock,
            ProgressFunctions progress) {
        this(matcher, metrics, clock, progress, null);
    }

    private AgendaTopology(Function<Article, List<Match>> matcher, AgendaMetrics metrics, Clock clock,
            ProgressFunctions progress, MatchAhead ahead) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.functions = Objects.requireNonNull(progress, "progress");
        this.ahead = ahead;
    }

    /**
     * The same topology taking the matches {@code ahead} made for an article, when it made them; its streams need
     * {@link MatchAhead#feeding} in their settings.
     */
    public AgendaTopology matchingAhead(MatchAhead ahead) {
        return new AgendaTopology(matcher, metrics, clock, functions, Objects.requireNonNull(ahead, "ahead"));
    }

    /**
     * How far {@link #build(Stage)} assembles the topology, each stage including the ones before it. Only the
     * benchmark builds less than {@link #ALL}: it measures what each stage costs by running the production topology
     * cut after it, rather than by attributing profiler samples (which leave out what a stage costs the others:
     * its records' trips through Kafka, the caches it takes from them).
     */
    public enum Stage {
        /** Decode, deduplicate, match; matched articles indexed for the API and written to the matched topic. */
        MATCH,
        /** One record per match, through the repartition topic. */
        REPARTITION,
        /** Stories. */
        STORIES,
        /** Progress and alerts: the whole topology. */
        ALL
    }

    public Topology build() {
        return build(Stage.ALL);
    }

    public Topology build(Stage through) {
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder);
        KStream<String, Article> articles = decoded(rawArticles(builder));
        KStream<String, Article> unique = deduplicated(articles);
        KStream<String, MatchedArticle> matched = indexed(matched(unique));
        matched.to(Topics.ARTICLES_MATCHED.name(),
                Produced.with(Serdes.String(), MATCHED_SERDE).withName("matched-articles-sink"));
        if (through == Stage.MATCH) {
            return builder.build();
        }
        KStream<String, ArticleMatch> byRecommendation = byRecommendation(matched);
        if (through == Stage.REPARTITION) {
            return cutAfter(byRecommendation, builder);
        }
        KStream<String, StoryUpdate> stories = stories(byRecommendation);
        if (through == Stage.STORIES) {
            return cutAfter(stories, builder);
        }
        toProgressAndAlertTopics(progress(stories));
        return builder.build();
    }

    /** A cut topology still consumes the stage's output, so the stage does all its work. */
    private static Topology cutAfter(KStream<String, ?> last, StreamsBuilder builder) {
        last.foreach((key, value) -> { }, Named.as("cut-here"));
        return builder.build();
    }

    /**
     * Every store is changelogged, so under exactly-once each survives a crash or a move to another instance whatever
     * it is kept in. Stores that grow with the news (article ids for half a year; stories, their members and
     * signatures for two weeks, which a replay of old news can fill faster than they are swept) live in RocksDB, on
     * disk. The ones bounded by the agenda or by a cap (counts, progress, alerts, the capped recent matches) live in
     * memory: they are read or written for every match, and a RocksDB call costs a JNI crossing and a memtable search
     * that a map does not (the stream thread's CPU per article fell 5-8 µs in the bench). They are restored from
     * their changelogs when a task starts, which their size keeps short. The two whose few keys every match rewrites,
     * stories and progress, hand each key's latest value down once per commit ({@link CoalescingStore}).
     */
    private static void addStores(StreamsBuilder builder) {
        builder.addStateStore(onDisk(StoreNames.ARTICLE_IDS, Serdes.String(), Serdes.Long()));
        builder.addStateStore(inMemory(StoreNames.MATCH_COUNTS, Serdes.String(), Serdes.Long()));
        builder.addStateStore(inMemory(StoreNames.RECENT_MATCHES, Serdes.String(), MATCHED_SERDE));
        builder.addStateStore(CoalescingStore.of(
                onDisk(StoreNames.STORY_CLUSTERS, Serdes.String(), JsonSerde.of(StoryCluster.class))));
        builder.addStateStore(onDisk(StoreNames.ARTICLE_STORIES, Serdes.String(), Serdes.String()));
        builder.addStateStore(onDisk(StoreNames.STORY_SIGNATURES, Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(CoalescingStore.of(
                inMemory(StoreNames.PROGRESS, Serdes.String(), JsonSerde.of(ProgressState.class))));
        builder.addStateStore(inMemory(StoreNames.ALERT_IDS, Serdes.String(), Serdes.String()));
        builder.addStateStore(inMemory(StoreNames.ALERTS, Serdes.String(), Topics.ALERTS.valueSerde()));
    }

    private static <K, V> StoreBuilder<KeyValueStore<K, V>> onDisk(String name, Serde<K> keys, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values);
    }

    private static <K, V> StoreBuilder<KeyValueStore<K, V>> inMemory(String name, Serde<K> keys, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keys, values);
    }

    private static KStream<String, byte[]> rawArticles(StreamsBuilder builder) {
        return builder.stream(Topics.ARTICLES_RAW.name(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-articles"))
                .filter((key, bytes) -> key != null && bytes != null, Named.as("drop-null-records"));
    }

    private KStream<String, Article> decoded(KStream<String, byte[]> raw) {
        KStream<String, Attempt<Article>> attempts = raw.processValues(Decoding::new, Named.as("decode-article"));
        return deadLettered(attempts, "decode");
    }

    /** The decode step: takes the article {@link MatchAhead} read from the same record, when it did. */
    private final class Decoding implements FixedKeyProcessor<String, byte[], Attempt<Article>> {
        private FixedKeyProcessorContext<String, Attempt<Article>> context;

        @Override
        public void init(FixedKeyProcessorContext<String, Attempt<Article>> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, byte[]> record) {
            Article read = ahead == null ? null : ahead.decoded(context.recordMetadata());
            byte[] bytes = record.value();
            context.forward(record.withValue(read != null ? new Attempt<>(read, bytes, "decode", null)
                    : Attempt.of(bytes, bytes, "decode", b -> decode(record.key(), b))));
        }
    }

    private KStream<String, Article> deduplicated(KStream<String, Article> articles) {
        return articles.processValues(() -> new Deduplicator(metrics, DEDUP_RETENTION), Named.as("deduplicate"),
                StoreNames.ARTICLE_IDS);
    }

    private KStream<String, MatchedArticle> matched(KStream<String, Article> unique) {
        KStream<String, Attempt<MatchedArticle>> attempts = unique.processValues(Matching::new,
                Named.as("match-recommendations"));
        return deadLettered(attempts, "match")
                .filter((id, article) -> !article.matches().isEmpty(), Named.as("keep-matched"));
    }

    private KStream<String, MatchedArticle> indexed(KStream<String, MatchedArticle> matched) {
        return matched.processValues(() -> new MatchIndexer(RECENT_CAP), Named.as("index-matches"),
                StoreNames.MATCH_COUNTS, StoreNames.RECENT_MATCHES);
    }

    /** One record per match, keyed by recommendation, so that all matches of a recommendation meet in one task. */
    private KStream<String, ArticleMatch> byRecommendation(KStream<String, MatchedArticle> matched) {
        return matched.process(() -> new RecommendationKeyer(ahead), Named.as("key-by-recommendation"))
                .repartition(Repartitioned.<String, ArticleMatch>as(StoreNames.MATCHES_BY_RECOMMENDATION)
                        .withKeySerde(Serdes.String()).withValueSerde(ARTICLE_MATCH_SERDE));
    }

    private KStream<String, StoryUpdate> stories(KStream<String, ArticleMatch> matches) {
        return matches.process(() -> new StoryClusterProcessor(functions.stories(), clock), Named.as("cluster-stories"),
                StoreNames.STORY_CLUSTERS, StoreNames.ARTICLE_STORIES, StoreNames.STORY_SIGNATURES);
    }

    private KStream<String, Outcome> progress(KStream<String, StoryUpdate> updates) {
        return updates.process(() -> new ProgressProcessor(functions.progress(), functions.alerts(), clock),
                Named.as("track-progress"), StoreNames.PROGRESS, StoreNames.ALERT_IDS, StoreNames.ALERTS);
    }

    private static void toProgressAndAlertTopics(KStream<String, Outcome> outcomes) {
        var branches = outcomes.split(Named.as("outcome-"))
                .branch((key, outcome) -> outcome.isAlert(), Branched.as("alert"))
                .defaultBranch(Branched.as("progress"));
        branches.get("outcome-alert").mapValues(Outcome::alert, Named.as("alert-unwrap"))
                .to(Topics.ALERTS.name(), Produced.with(Serdes.String(), Topics.ALERTS.valueSerde())
                        .withName("alerts-sink"));
        branches.get("outcome-progress").mapValues(Outcome::progress, Named.as("progress-unwrap"))
                .to(Topics.PROGRESS.name(), Produced.with(Serdes.String(), Topics.PROGRESS.valueSerde())
                        .withName("progress-sink"));
    }

    /** Sends failed attempts to the dead-letter topic and returns the successful values. */
    private <T> KStream<String, T> deadLettered(KStream<String, Attempt<T>> attempts, String stage) {
        var branches = attempts.split(Named.as(stage + "-"))
                .branch((key, attempt) -> attempt.failed(), Branched.as("failed"))
                .defaultBranch(Branched.as("ok"));
        branches.get(stage + "-failed")
                .processValues(() -> new DeadLetterHeaders<T>(metrics), Named.as(stage + "-dead-letter-headers"))
                .to(Topics.DEAD_LETTER.name(), Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName(stage + "-dead-letter-sink"));
        return branches.get(stage + "-ok").mapValues(Attempt::value, Named.as(stage + "-unwrap"));
    }

    private static Article decode(String key, byte[] bytes) {
        Article article = ARTICLE_SERDE.fromBytes(bytes);
        if (!key.equals(article.id())) {
            throw new IllegalArgumentException("record key '" + key + "' is not the article id '" + article.id()
                    + "' (" + new String(bytes, 0, Math.min(bytes.length, 80), StandardCharsets.UTF_8) + "...)");
        }
        return article;
    }

    /** The match step: needs the record's partition and offset to find what {@link MatchAhead} made for it. */
    private final class Matching implements FixedKeyProcessor<String, Article, Attempt<MatchedArticle>> {
        private FixedKeyProcessorContext<String, Attempt<MatchedArticle>> context;

        @Override
        public void init(FixedKeyProcessorContext<String, Attempt<MatchedArticle>> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, Article> record) {
            Article article = record.value();
            Optional<RecordMetadata> where = context.recordMetadata();
            context.forward(record.withValue(Attempt.of(article, () -> ARTICLE_SERDE.toBytes(article), "match",
                    a -> match(a, where))));
        }
    }

    private MatchedArticle match(Article article, Optional<RecordMetadata> where) {
        List<Match> matches = ahead != null ? ahead.match(article, where) : matcher.apply(article);
        MatchedArticle matched = MatchedArticle.of(article, matches);
        if (!matched.matches().isEmpty()) {
            metrics.pipelineLatency(Duration.between(article.fetchedAt(), clock.instant()));
        }
        return matched;
    }
}
