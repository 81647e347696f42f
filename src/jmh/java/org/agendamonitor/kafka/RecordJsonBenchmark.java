package org.agendamonitor.kafka;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agendamonitor.bench.ArticleGenerator;
import org.agendamonitor.config.AgendaSpecLoader;
import org.agendamonitor.match.AgendaMatcher;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.ArticleMatch;
import org.agendamonitor.model.Match;
import org.agendamonitor.progress.StoryClusterer;
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
 * recent-articles store and the repartition topic. Generated articles of 1-2 KB, as in the {@code bench} command;
 * and the record of each match on the repartition topic, as the topology writes it (no summary, with the story
 * signature), written once and read once.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecordJsonBenchmark {
    private static final JsonSerde<Article> ARTICLES = JsonSerde.of(Article.class);
    private static final JsonSerde<ArticleMatch> MATCHES = JsonSerde.of(ArticleMatch.class);
    private List<Article> articles;
    private List<byte[]> encoded;
    private List<ArticleMatch> matches;
    private List<byte[]> encodedMatches;
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
        matches = new ArrayList<>();
        encodedMatches = new ArrayList<>();
        try (AgendaMatcher matcher = new AgendaMatcher(AgendaSpecLoader.load(Path.of("config", "agenda.yaml")))) {
            for (int i = 0; matches.size() < 1_000; i++) {
                Article a = generator.article(i, fetched);
                Article withoutSummary = new Article(a.id(), a.feedId(), a.source(), a.url(), a.title(), "",
                        a.language(), a.publishedAt(), a.fetchedAt());
                for (Match m : matcher.match(a)) {
                    ArticleMatch one = new ArticleMatch(withoutSummary, m, StoryClusterer.signatureOf(a));
                    matches.add(one);
                    encodedMatches.add(MATCHES.toBytes(one));
                }
            }
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

    @Benchmark
    public ArticleMatch readMatch() {
        return MATCHES.fromBytes(encodedMatches.get(next++ % encodedMatches.size()));
    }

    @Benchmark
    public byte[] writeMatch() {
        // a new record each time: the serde would hand back the bytes of the one it wrote last
        ArticleMatch m = matches.get(next++ % matches.size());
        return MATCHES.toBytes(new ArticleMatch(m.article(), m.match(), m.signature()));
    }
}
