package org.agendamonitor.match;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agendamonitor.bench.ArticleGenerator;
import org.agendamonitor.config.AgendaSpecLoader;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.Match;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The matcher's hot paths, one thread, on the benchmark's generated news (the same items {@code bench} sends
 * through the pipeline): a mix with 15% on the agenda, the off-agenda items alone (answered by the screen), the
 * on-agenda items alone (screen plus Lucene monitor), the screen alone, and the keyword baseline. Run from the
 * project folder: {@code mvn -Pjmh test-compile exec:exec -Djmh.args="MatcherBenchmark"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MatcherBenchmark {
    private static final int ITEMS = 20_000;

    private AgendaMatcher matcher;
    private AgendaMatcher baseline;
    private Article[] mixed;
    private Article[] offAgenda;
    private Article[] onAgenda;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        matcher = new AgendaMatcher(AgendaSpecLoader.load(Path.of("config", "agenda.yaml")));
        baseline = new AgendaMatcher(KeywordBaseline.spec());
        ArticleGenerator generator = ArticleGenerator.withDefaults();
        Instant fetched = Instant.parse("2026-02-01T12:00:00Z");
        List<Article> all = new ArrayList<>();
        List<Article> off = new ArrayList<>();
        List<Article> on = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            Article a = generator.article(i, fetched);
            all.add(a);
            (matcher.match(a).isEmpty() ? off : on).add(a);
        }
        mixed = all.toArray(Article[]::new);
        offAgenda = off.toArray(Article[]::new);
        onAgenda = on.toArray(Article[]::new);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        matcher.close();
        baseline.close();
    }

    private Article nextOf(Article[] items) {
        next = next + 1 == Integer.MAX_VALUE ? 0 : next + 1;
        return items[next % items.length];
    }

    @Benchmark
    public List<Match> mixed() {
        return matcher.match(nextOf(mixed));
    }

    @Benchmark
    public List<Match> offAgenda() {
        return matcher.match(nextOf(offAgenda));
    }

    @Benchmark
    public List<Match> onAgenda() {
        return matcher.match(nextOf(onAgenda));
    }

    @Benchmark
    public boolean screenOnly() {
        return matcher.mayMatch(nextOf(mixed));
    }

    @Benchmark
    public List<Match> keywordBaseline() {
        return baseline.match(nextOf(mixed));
    }
}
