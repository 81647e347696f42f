package org.agendamonitor.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.Match;

/**
 * One matcher, one thread, no Kafka: articles per second over a fixed list, after a warm-up long enough for the JIT
 * to compile the hot paths (the first seconds of a cold JVM run at about two thirds of the warm speed).
 */
final class MatcherBench {
    /** Articles per second, and how many of them matched at least one recommendation. */
    record Result(int articles, long matched, double perSecond) {
    }

    private MatcherBench() {
    }

    static List<Article> corpus(ArticleGenerator generator, int count) {
        Instant fetched = Instant.parse("2026-02-01T12:00:00Z");
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> generator.article(i, fetched)).toList();
    }

    static Result measure(Function<Article, List<Match>> matcher, List<Article> articles, Duration warmUp) {
        long warmUntil = System.nanoTime() + warmUp.toNanos();
        for (int i = 0; System.nanoTime() < warmUntil; i++) {
            matcher.apply(articles.get(i % articles.size()));
        }
        long matched = 0;
        long started = System.nanoTime();
        for (Article article : articles) {
            matched += matcher.apply(article).isEmpty() ? 0 : 1;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(articles.size(), matched, articles.size() / seconds);
    }
}
