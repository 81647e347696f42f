package org.agendamonitor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.agendamonitor.BreakingNewsFixtures;
import org.agendamonitor.kafka.JsonSerde;
import org.agendamonitor.metrics.AgendaMetrics;
import org.agendamonitor.model.Article;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An id is let through once; it is forgotten after the retention, a bounded slice of the store per sweep. */
class DeduplicatorTest {
    private static final JsonSerde<Article> ARTICLES = JsonSerde.of(Article.class);
    private static final Duration RETENTION = Duration.ofDays(30);
    private static final Instant T0 = BreakingNewsFixtures.T0;

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> in;
    private TestOutputTopic<String, Article> out;
    private KeyValueStore<String, Long> seen;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.ARTICLE_IDS),
                Serdes.String(), Serdes.Long()));
        AgendaMetrics metrics = new AgendaMetrics(new SimpleMeterRegistry());
        builder.stream("in", Consumed.with(Serdes.String(), ARTICLES))
                .processValues(() -> new Deduplicator(metrics, RETENTION), StoreNames.ARTICLE_IDS)
                .to("out", Produced.with(Serdes.String(), ARTICLES));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-test");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), props, T0);
        in = driver.createInputTopic("in", Serdes.String().serializer(), ARTICLES.serializer());
        out = driver.createOutputTopic("out", Serdes.String().deserializer(), ARTICLES.deserializer());
        seen = driver.getKeyValueStore(StoreNames.ARTICLE_IDS);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(int from, int to) {
        for (int i = from; i < to; i++) {
            Article a = BreakingNewsFixtures.article("id-" + i, "feed", "Source", "Title " + i, "", "en", T0);
            in.pipeInput(a.id(), a, T0);
        }
    }

    private int remembered() {
        int n = 0;
        try (KeyValueIterator<String, Long> it = seen.all()) {
            for (; it.hasNext(); it.next()) {
                n++;
            }
        }
        return n;
    }

    @Test
    void shouldLetAnIdThroughOnceWithinTheRetention() {
        send(0, 3);
        send(1, 2);
        driver.advanceWallClockTime(RETENTION.minusDays(1));
        send(2, 3);

        assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("id-0", "id-1", "id-2");
    }

    @Test
    void shouldForgetExpiredIdsABoundedSliceAtATime() {
        int ids = Deduplicator.SWEEP_BUDGET + 500;
        send(0, ids);
        out.readKeyValuesToList();

        driver.advanceWallClockTime(RETENTION.plusDays(1));
        assertThat(remembered()).as("one sweep visits at most its budget").isEqualTo(500);
        driver.advanceWallClockTime(StoreSweep.EVERY);
        assertThat(remembered()).as("the next sweep takes the rest").isZero();

        send(0, 1);
        assertThat(out.readKeyValuesToList()).as("a forgotten id counts again").hasSize(1);
    }
}
