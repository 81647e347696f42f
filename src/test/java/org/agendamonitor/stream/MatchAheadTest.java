package org.agendamonitor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.agendamonitor.kafka.JsonSerde;
import org.agendamonitor.kafka.Topics;
import org.agendamonitor.metrics.AgendaMetrics;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.Direction;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.progress.StoryClusterer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The matches the topology takes from {@link MatchAhead} are the ones it would make, made on the worker when the
 * worker got there first and on the caller otherwise; nothing is lost when the worker fails or falls behind.
 */
class MatchAheadTest {
    private static final JsonSerde<Article> ARTICLES = JsonSerde.of(Article.class);
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** Which thread matched each article id. */
    private final Map<String, String> matchedOn = new ConcurrentHashMap<>();
    private MatchAhead ahead;

    @AfterEach
    void close() {
        if (ahead != null) {
            ahead.close();
        }
    }

    private List<Match> usmcaWhenTitled(Article a) {
        matchedOn.put(a.id(), Thread.currentThread().getName());
        if (a.title().contains("FAIL")) {
            throw new IllegalStateException("matcher failed on purpose");
        }
        return a.title().contains("USMCA") ? List.of(new Match(Recommendation.USMCA, 2.0, List.of("t"),
                List.of("USMCA"), List.of(), Direction.NEUTRAL, null, "")) : List.of();
    }

    /**
     * A matcher whose worker gets stuck on the article "slow" (counting {@code started} down) until {@code release}
     * opens; {@code others} sees every other article before it is matched.
     */
    private Function<Article, List<Match>> stuckOnSlow(CountDownLatch started, CountDownLatch release,
            Consumer<Article> others) {
        return a -> {
            if (a.id().equals("slow")) {
                started.countDown();
                try {
                    assertThat(release.await(5, TimeUnit.SECONDS)).as("released").isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                others.accept(a);
            }
            return usmcaWhenTitled(a);
        };
    }

    private static Article article(String id, String title) {
        return new Article(id, "feed", "Outlet", "https://example.org/" + id, title, "summary", "en", T, T);
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset, Article a) {
        return new ConsumerRecord<>(topic, partition, offset, a.id().getBytes(), ARTICLES.toBytes(a));
    }

    private static ConsumerRecords<byte[], byte[]> batch(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> byPartition = new java.util.HashMap<>();
        records.forEach(r -> byPartition.computeIfAbsent(new TopicPartition(r.topic(), r.partition()),
                p -> new ArrayList<>()).add(r));
        return new ConsumerRecords<>(byPartition, Map.of());
    }

    private static Optional<RecordMetadata> at(String topic, int partition, long offset) {
        return Optional.of(new RecordMetadata() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public int partition() {
                return partition;
            }

            @Override
            public long offset() {
                return offset;
            }
        });
    }

    private double counted(String where) {
        return registry.counter(AgendaMetrics.ARTICLES_MATCHED_AHEAD, "where", where).count();
    }

    @Test
    void shouldHandOverWhatTheWorkerMatchedAndReadAndMatchTheRestInline() {
        ahead = new MatchAhead(this::usmcaWhenTitled, 1, 100, new AgendaMetrics(registry));
        String raw = Topics.ARTICLES_RAW.name();
        Article a0 = article("a0", "USMCA review");
        Article a1 = article("a1", "weather");
        Article a2 = article("a2", "USMCA panel");
        ahead.queue(batch(List.of(record(raw, 0, 10, a0), record(raw, 0, 11, a1), record(raw, 0, 12, a2),
                record("some.other.topic", 0, 13, article("x", "USMCA")))));
        await().atMost(Duration.ofSeconds(5)).until(() -> matchedOn.keySet().containsAll(List.of("a0", "a1", "a2")));

        assertThat(ahead.decoded(at(raw, 0, 10))).isEqualTo(a0);
        assertThat(ahead.match(a0, at(raw, 0, 10))).extracting(Match::recommendation)
                .containsExactly(Recommendation.USMCA);
        // a1 is skipped (a duplicate, say): taking a2 drops it
        assertThat(ahead.match(a2, at(raw, 0, 12))).hasSize(1);
        assertThat(ahead.decoded(at(raw, 0, 11))).isNull();
        assertThat(matchedOn.values()).allMatch(t -> t.startsWith("agenda-match-ahead-"));
        assertThat(matchedOn).doesNotContainKey("x");
        assertThat(counted("ahead")).isEqualTo(2.0);

        // what was never queued, or was taken already, is matched by the caller
        Article late = article("a9", "USMCA again");
        assertThat(ahead.match(late, at(raw, 0, 19))).hasSize(1);
        assertThat(ahead.match(a0, at(raw, 0, 10))).hasSize(1);
        assertThat(ahead.match(a0, Optional.empty())).hasSize(1);
        assertThat(matchedOn.get("a9")).isEqualTo(Thread.currentThread().getName());
        assertThat(counted("inline")).isEqualTo(3.0);
    }

    @Test
    void shouldHandOverTheSignatureOfTheMatchedArticleTakenLastOnlyToItsOwnThread() throws Exception {
        ahead = new MatchAhead(this::usmcaWhenTitled, 1, 100, new AgendaMetrics(registry));
        String raw = Topics.ARTICLES_RAW.name();
        Article matched = article("m1", "USMCA joint review opens in Mexico City");
        Article other = article("o1", "weather");
        Article next = article("m2", "USMCA panel rules on autos");
        ahead.queue(batch(List.of(record(raw, 0, 1, matched), record(raw, 0, 2, other), record(raw, 0, 3, next))));
        await().atMost(Duration.ofSeconds(5)).until(() -> matchedOn.keySet().containsAll(List.of("m1", "o1", "m2")));

        assertThat(ahead.match(matched, at(raw, 0, 1))).hasSize(1);
        // another stream thread did not take it
        int[][] seenElsewhere = new int[1][];
        Thread elsewhere = new Thread(() -> seenElsewhere[0] = ahead.signatureMadeFor("m1"));
        elsewhere.start();
        elsewhere.join();
        assertThat(seenElsewhere[0]).isNull();
        assertThat(ahead.signatureMadeFor("o1")).as("not the article taken last").isNull();

        assertThat(ahead.match(matched, at(raw, 0, 1))).hasSize(1); // taken already: matched inline, nothing made
        assertThat(ahead.signatureMadeFor("m1")).isNull();

        assertThat(ahead.match(other, at(raw, 0, 2))).isEmpty();
        assertThat(ahead.signatureMadeFor("o1")).as("an article that matched nothing gets none").isNull();

        assertThat(ahead.match(next, at(raw, 0, 3))).hasSize(1);
        assertThat(ahead.signatureMadeFor("m2")).isEqualTo(StoryClusterer.signatureOf(next));
        assertThat(ahead.signatureMadeFor("m2")).as("handed over once").isNull();
    }

    @Test
    void shouldTakeBackWorkTheWorkerHasNotStartedAndRepeatAFailureInline() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        ahead = new MatchAhead(stuckOnSlow(started, release, a -> { }), 1, 100, new AgendaMetrics(registry));
        String raw = Topics.ARTICLES_RAW.name();
        Article slow = article("slow", "USMCA slow");
        Article queued = article("queued", "USMCA queued");
        Article failing = article("failing", "FAIL here");
        ahead.queue(batch(List.of(record(raw, 1, 0, slow), record(raw, 3, 0, queued), record(raw, 2, 0, failing))));

        // the worker is stuck on "slow": the next one is taken back and matched here, at once
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ahead.match(queued, at(raw, 3, 0))).hasSize(1);
        assertThat(matchedOn.get("queued")).isEqualTo(Thread.currentThread().getName());
        // the one the worker is on is waited for, not made twice
        release.countDown();
        assertThat(ahead.match(slow, at(raw, 1, 0))).hasSize(1);
        assertThat(matchedOn.get("slow")).startsWith("agenda-match-ahead-");

        // the worker's failure is not hidden: matching again here fails the same way
        await().atMost(Duration.ofSeconds(5)).until(() -> matchedOn.containsKey("failing"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ahead.match(failing, at(raw, 2, 0)))
                .hasMessageContaining("failed on purpose");
    }

    @Test
    void shouldMatchTheNextArticlesOfThePartitionWhileWaitingForTheWorker() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        Map<String, Integer> calls = new ConcurrentHashMap<>();
        // only the waiting caller can match another article of partition 1 while the worker is stuck
        ahead = new MatchAhead(stuckOnSlow(started, release, a -> {
            calls.merge(a.id(), 1, Integer::sum);
            release.countDown();
        }), 1, 100, new AgendaMetrics(registry));
        String raw = Topics.ARTICLES_RAW.name();
        Article slow = article("slow", "USMCA slow");
        Article next = article("next", "USMCA next");
        Article elsewhere = article("elsewhere", "USMCA in another partition");
        ahead.queue(batch(List.of(record(raw, 1, 5, slow), record(raw, 1, 6, next), record(raw, 2, 0, elsewhere))));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        // waiting for "slow", the caller matches "next" (and only that: "slow" is done once "next" released it)
        assertThat(ahead.match(slow, at(raw, 1, 5))).hasSize(1);
        assertThat(matchedOn.get("slow")).startsWith("agenda-match-ahead-");
        assertThat(matchedOn.get("next")).isEqualTo(Thread.currentThread().getName());
        // taking "next" finds it made, not made twice
        assertThat(ahead.match(next, at(raw, 1, 6))).hasSize(1);
        assertThat(calls.get("next")).isEqualTo(1);
        assertThat(counted("ahead")).isEqualTo(2.0);
        assertThat(counted("inline")).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> matchedOn.containsKey("elsewhere"));
        assertThat(matchedOn.get("elsewhere")).as("another partition's article is the worker's")
                .startsWith("agenda-match-ahead-");
    }

    @Test
    void shouldFeedTheInstanceNamedInTheConsumersSettings() {
        ahead = new MatchAhead(this::usmcaWhenTitled, 1, 100, new AgendaMetrics(registry));
        java.util.Properties settings = ahead.feeding(new java.util.Properties());
        MatchAheadInterceptor interceptor = new MatchAheadInterceptor();
        Map<String, Object> consumerConfigs = new java.util.HashMap<>();
        settings.forEach((k, v) -> consumerConfigs.put(k.toString().replaceFirst("^main\\.consumer\\.", ""), v));
        assertThat(consumerConfigs).containsEntry("interceptor.classes", MatchAheadInterceptor.class.getName());
        interceptor.configure(consumerConfigs);

        Article a = article("i1", "USMCA");
        ConsumerRecords<byte[], byte[]> records = batch(List.of(record(Topics.ARTICLES_RAW.name(), 0, 5, a)));
        assertThat(interceptor.onConsume(records)).isSameAs(records);
        await().atMost(Duration.ofSeconds(5)).until(() -> matchedOn.containsKey("i1"));
        assertThat(matchedOn.get("i1")).startsWith("agenda-match-ahead-");
    }
}
