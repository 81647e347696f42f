package org.agendamonitor.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.agendamonitor.bench.ArticleGenerator;
import org.agendamonitor.ingest.FeedFiles;
import org.agendamonitor.model.Article;

/**
 * Texts to check the matcher's shortcuts against: generated benchmark news (always there), the labeled dev set and
 * the items of the shared feed corpus (only when {@code ../shared} is beside the project; empty otherwise).
 */
final class MatchCorpora {
    private static List<Article> feedItems;

    private MatchCorpora() {
    }

    static List<Article> generated(int count) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        ArticleGenerator generator = ArticleGenerator.withDefaults();
        return IntStream.range(0, count).mapToObj(i -> generator.article(i, t)).toList();
    }

    /** Each dev item as labeled, and again with its language unknown (which runs both languages' queries). */
    static Optional<List<Article>> devSet() {
        return EvalTest.devSet().map(file -> {
            try {
                List<Article> out = new ArrayList<>();
                for (EvalItem item : EvalItem.read(file)) {
                    Article a = item.toArticle();
                    out.add(a);
                    out.add(new Article(a.id() + "-und", a.feedId(), a.source(), a.url(), a.title(), a.summary(),
                            "und", a.publishedAt(), a.fetchedAt()));
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Every item the production parser gets out of the shared feed corpus (parsed once per test JVM). */
    static synchronized Optional<List<Article>> feedCorpusItems() {
        if (feedItems == null) {
            Path corpus = Stream.of(Path.of("..", "shared", "corpus", "feeds"),
                    Path.of("..", "..", "shared", "corpus", "feeds")).filter(Files::isDirectory).findFirst().orElse(null);
            if (corpus == null) {
                return Optional.empty();
            }
            List<Article> items = new ArrayList<>();
            for (FeedFiles.FileResult r : FeedFiles.withDefaults().checkAll(FeedFiles.collect(List.of(corpus)), 2)) {
                items.addAll(r.articles());
            }
            feedItems = List.copyOf(items);
        }
        return Optional.of(feedItems);
    }
}
