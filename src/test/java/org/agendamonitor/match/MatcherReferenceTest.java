package org.agendamonitor.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.agendamonitor.config.AgendaSpec;
import org.agendamonitor.config.AgendaSpecLoader;
import org.agendamonitor.model.Article;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The matcher's shortcuts (queries picked by their words, an in-memory index of only the words queries look for,
 * Lucene's matches read without the monitor) may change nothing: every explanation (each query that fired, with its
 * hits, every verdict) must equal the one of the plain lucene-monitor setup that analyzes every word and runs every
 * query on every article.
 */
class MatcherReferenceTest {
    private static AgendaMatcher ours;
    private static AgendaMatcher reference;

    @BeforeAll
    static void build() {
        AgendaSpec agenda = AgendaSpecLoader.load(Path.of("config", "agenda.yaml"));
        ours = new AgendaMatcher(agenda);
        reference = AgendaMatcher.reference(agenda);
    }

    @AfterAll
    static void close() {
        ours.close();
        reference.close();
    }

    @Test
    void shouldExplainGeneratedNewsExactlyAsThePlainMonitor() {
        assertSameExplanations(MatchCorpora.generated(1_500));
    }

    @Test
    void shouldExplainTheLabeledDevSetExactlyAsThePlainMonitor() {
        var articles = MatchCorpora.devSet();
        assumeTrue(articles.isPresent(), "shared/eval/dev.jsonl not found at ../shared or ../../shared: skipped");

        assertSameExplanations(articles.get());
    }

    @Test
    void shouldExplainTheSharedFeedCorpusExactlyAsThePlainMonitor() {
        var articles = MatchCorpora.feedCorpusItems();
        assumeTrue(articles.isPresent(), "shared feed corpus not found at ../shared/corpus/feeds: skipped");

        assertSameExplanations(articles.get());
    }

    private static void assertSameExplanations(List<Article> articles) {
        long fired = 0;
        for (Article a : articles) {
            MatchExplanation expected = reference.explain(a);
            assertThat(ours.explain(a)).as("%s | %s", a.title(), a.summary()).isEqualTo(expected);
            fired += expected.verdicts().stream().mapToLong(v -> v.fired().size()).sum();
        }
        // the comparison means something only if queries fired
        assertThat(fired).isPositive();
    }
}
