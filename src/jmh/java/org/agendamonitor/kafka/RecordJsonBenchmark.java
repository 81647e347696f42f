package org.agendamonitor.kafka;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agendamonitor.bench.ArticleGenerator;
import org.agendamonitor.model.Article;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JSON of the record every article is: read once at the pipeline's source, written for the matched topic, the
 * recent-articles store and the repartition topic. Generated articles of 1-2 KB, as in the {@code bench} command.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecordJsonBenchmark {
    private static final JsonSerde<Article> ARTICLES = JsonSerde.of(Article.class);
    private List<Article> articles;
    private List<byte[]> encoded;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        ArticleGenerator generator = ArticleGenerator.withDefaults();
        Instant fetched = Instant.parse("2026-06-01T12:00:00.123Z");
        articles = new ArrayList<>();
        encoded = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Article a = generator.article(i, fetched);
            articles.add(a);
            encoded.add(ARTICLES.toBytes(a));
        }
    }

    @Benchmark
    public Article readArticle() {
        return ARTICLES.fromBytes(encoded.get(next++ % encoded.size()));
    }

    @Benchmark
    public byte[] writeArticle() {
        return ARTICLES.toBytes(articles.get(next++ % articles.size()));
    }
}
