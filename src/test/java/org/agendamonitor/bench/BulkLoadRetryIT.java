package org.agendamonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.agendamonitor.config.AppConfig;
import org.agendamonitor.config.ConfigLoader;
import org.agendamonitor.kafka.TopicSpec;
import org.agendamonitor.kafka.Topics;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's broker sections on real embedded brokers, with a bulk load that really fails: the producer's
 * request size is set below one article, so the client refuses every record and the load ends in
 * {@link CorpusProducer.NotWritten}, as a stalled broker's expired batches do.
 */
class BulkLoadRetryIT {
    private static final List<TopicSpec<?, ?>> TOPICS = List.copyOf(Topics.ALL);

    @TempDir
    Path dir;

    private final StringWriter progressText = new StringWriter();
    private final PrintWriter progress = new PrintWriter(progressText, true);
    private final BenchReport report = new BenchReport(progress);

    @Test
    void shouldRunTheSectionsAgainOnAFreshBrokerAndSaySoWhenTheFirstBulkLoadFails() throws Exception {
        AppConfig config = config();
        List<AppConfig> attempts = new ArrayList<>();

        BulkLoadRetry.onFreshBroker(config, TOPICS, report, progress, live -> {
            attempts.add(live);
            load(live, attempts.size() == 1 ? "100" : null, 20);
        });

        assertThat(attempts).hasSize(2);
        AppConfig first = attempts.get(0);
        AppConfig second = attempts.get(1);
        assertThat(second.kafka().clientBootstrap()).isNotEqualTo(first.kafka().clientBootstrap());
        assertThat(first.dataDir()).isEqualTo(config.dataDir());
        assertThat(second.dataDir()).startsWith(config.dataDir()).isNotEqualTo(config.dataDir());
        assertThat(Files.exists(second.dataDir().resolve("kafka").resolve("meta.properties"))).isTrue();

        String said = progressText.toString(); System.out.println("@@@" + said); System.out.println("@@@" + said);
        assertThat(said).contains("attempt 1 of the broker sections failed: loading agenda.articles.raw.v1: "
                + "20 benchmark records were not written");
        assertThat(said).contains("partitions of agenda.articles.raw.v1: [0 leader=1 isr=[1]] [1 leader=1 isr=[1]]");
        assertThat(said).containsPattern("log dirs: node 1 \\S+ ok");
        assertThat(said).containsPattern("disk: [0-9]+ MB usable of [0-9]+ MB");
        assertThat(said).contains("thread \"data-plane-kafka-request-handler");

        StringWriter printed = new StringWriter();
        report.print(new PrintWriter(printed));
        assertThat(printed.toString().lines()).anyMatch(l -> l.startsWith("note: sections 1, 2 and 4 ran on a "
                + "second fresh broker; on the first, loading agenda.articles.raw.v1"));
    }

    @Test
    void shouldFailWithTheBrokersStateWhenTheSecondBulkLoadFailsToo() {
        List<AppConfig> attempts = new ArrayList<>();

        assertThatThrownBy(() -> BulkLoadRetry.onFreshBroker(config(), TOPICS, report, progress, live -> {
            attempts.add(live);
            load(live, "100", 5);
        })).isInstanceOf(KafkaException.class)
                .hasMessageContaining("5 benchmark records were not written")
                .hasMessageContaining("(attempt 2 of 2, each on a fresh broker)")
                .hasMessageContaining("partitions of agenda.articles.raw.v1: [0 leader=1");
        assertThat(attempts).hasSize(BulkLoadRetry.ATTEMPTS);
    }

    @Test
    void shouldNotRetryWhatFailsAfterTheBulkLoad() {
        List<AppConfig> attempts = new ArrayList<>();

        assertThatThrownBy(() -> BulkLoadRetry.onFreshBroker(config(), TOPICS, report, progress, live -> {
            attempts.add(live);
            throw new IllegalStateException("the pipeline did not drain");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the pipeline did not drain");
        assertThat(attempts).hasSize(1);
    }

    /** Loads {@code n} articles the way the sections do; {@code maxRequestSize} null keeps the producer's own. */
    private static void load(AppConfig live, String maxRequestSize, int n) {
        Properties producer = live.producerProperties("bulk-load-retry-it");
        if (maxRequestSize != null) {
            producer.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestSize);
        }
        String raw = Topics.ARTICLES_RAW.name();
        try (CorpusProducer corpus = new CorpusProducer(producer)) {
            corpus.produce(raw, ArticleGenerator.withDefaults(), 0, n);
        } catch (CorpusProducer.NotWritten e) {
            throw new StreamsSections.BulkLoadFailed(raw, e);
        }
    }

    private AppConfig config() {
        return new ConfigLoader(Map.of()).load(dir, false, Map.of("data.dir", dir.resolve("data").toString(),
                "kafka.embedded.port", "0", "web.port", "0"));
    }
}
