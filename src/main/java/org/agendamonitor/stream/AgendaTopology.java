package org.agendamonitor.stream;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.agendamonitor.kafka.JsonSerde;
import org.agendamonitor.kafka.Topics;
import org.agendamonitor.metrics.AgendaMetrics;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.MatchedArticle;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The one place the Kafka Streams topology is assembled. It reads like the DESIGN diagram:
 * raw articles → decode → deduplicate → match → index for the API, written to the matched topic.
 *
 * <p>Topics: reads {@code agenda.articles.raw.v1} (key article id as UTF-8 string, value {@link Article} JSON read
 * as bytes so a bad record cannot stop the app); writes {@code agenda.articles.matched.v1} (key article id, value
 * {@link MatchedArticle} JSON, only articles with at least one match) and {@code agenda.deadletter.v1} (original key
 * and bytes; headers {@code agenda.error.stage|class|message}).
 *
 * <p>Stores: {@value StoreNames#ARTICLE_IDS} (article id → first-seen millis), {@value StoreNames#MATCH_COUNTS}
 * ("recommendation|language" → distinct matched articles), {@value StoreNames#RECENT_MATCHES} (newest-first key →
 * matched article). All are persistent and changelogged; with exactly-once their updates commit atomically with the
 * output records.
 */
public final class AgendaTopology {
    static final Duration DEDUP_RETENTION = Duration.ofDays(180);
    static final int RECENT_CAP = 5_000;

    private static final JsonSerde<Article> ARTICLE_SERDE = JsonSerde.of(Article.class);
    private static final JsonSerde<MatchedArticle> MATCHED_SERDE = JsonSerde.of(MatchedArticle.class);

    private final Function<Article, List<Match>> matcher;
    private final AgendaMetrics metrics;
    private final Clock clock;

    public AgendaTopology(Function<Article, List<Match>> matcher, AgendaMetrics metrics, Clock clock) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder);
        KStream<String, Article> articles = decoded(rawArticles(builder));
        KStream<String, Article> unique = deduplicated(articles);
        KStream<String, MatchedArticle> matched = matched(unique);
        indexed(matched).to(Topics.ARTICLES_MATCHED.name(),
                Produced.with(Serdes.String(), MATCHED_SERDE).withName("matched-articles-sink"));
        return builder.build();
    }

    private static void addStores(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.ARTICLE_IDS),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.MATCH_COUNTS),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.RECENT_MATCHES),
                Serdes.String(), MATCHED_SERDE));
    }

    private static KStream<String, byte[]> rawArticles(StreamsBuilder builder) {
        return builder.stream(Topics.ARTICLES_RAW.name(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-articles"))
                .filter((key, bytes) -> key != null && bytes != null, Named.as("drop-null-records"));
    }

    private KStream<String, Article> decoded(KStream<String, byte[]> raw) {
        KStream<String, Attempt<Article>> attempts = raw.mapValues(
                (key, bytes) -> Attempt.of(bytes, bytes, "decode", b -> decode(key, b)), Named.as("decode-article"));
        return deadLettered(attempts, "decode");
    }

    private KStream<String, Article> deduplicated(KStream<String, Article> articles) {
        return articles.processValues(() -> new Deduplicator(metrics, DEDUP_RETENTION), Named.as("deduplicate"),
                StoreNames.ARTICLE_IDS);
    }

    private KStream<String, MatchedArticle> matched(KStream<String, Article> unique) {
        KStream<String, Attempt<MatchedArticle>> attempts = unique.mapValues(
                article -> Attempt.of(article, () -> ARTICLE_SERDE.toBytes(article), "match", this::match),
                Named.as("match-recommendations"));
        return deadLettered(attempts, "match")
                .filter((id, article) -> !article.matches().isEmpty(), Named.as("keep-matched"));
    }

    private KStream<String, MatchedArticle> indexed(KStream<String, MatchedArticle> matched) {
        return matched.processValues(() -> new MatchIndexer(RECENT_CAP), Named.as("index-matches"),
                StoreNames.MATCH_COUNTS, StoreNames.RECENT_MATCHES);
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

    private MatchedArticle match(Article article) {
        MatchedArticle matched = MatchedArticle.of(article, matcher.apply(article));
        if (!matched.matches().isEmpty()) {
            metrics.pipelineLatency(Duration.between(article.fetchedAt(), clock.instant()));
        }
        return matched;
    }
}
