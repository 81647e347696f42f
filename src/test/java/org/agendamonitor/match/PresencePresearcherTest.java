package org.agendamonitor.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.agendamonitor.config.AgendaSpec;
import org.agendamonitor.config.AgendaSpecLoader;
import org.agendamonitor.model.Article;
import org.apache.lucene.monitor.Presearcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The presence presearcher may leave out only queries that cannot match: every explanation (each query that fired,
 * with its hits, every verdict) must equal the one of a monitor that runs every query on every article.
 */
class PresencePresearcherTest {
    private static AgendaMatcher ours;
    private static AgendaMatcher everyQuery;

    @BeforeAll
    static void build() {
        AgendaSpec agenda = AgendaSpecLoader.load(Path.of("config", "agenda.yaml"));
        ours = new AgendaMatcher(agenda);
        everyQuery = new AgendaMatcher(agenda, Presearcher.NO_FILTERING);
    }

    @AfterAll
    static void close() {
        ours.close();
        everyQuery.close();
    }

    @Test
    void shouldExplainGeneratedNewsExactlyAsAMonitorThatRunsEveryQuery() {
        assertSameExplanations(MatchCorpora.generated(1_500));
    }

    @Test
    void shouldExplainTheLabeledDevSetExactlyAsAMonitorThatRunsEveryQuery() {
        var articles = MatchCorpora.devSet();
        assumeTrue(articles.isPresent(), "shared/eval/dev.jsonl not found at ../shared or ../../shared: skipped");

        assertSameExplanations(articles.get());
    }

    @Test
    void shouldExplainTheSharedFeedCorpusExactlyAsAMonitorThatRunsEveryQuery() {
        var articles = MatchCorpora.feedCorpusItems();
        assumeTrue(articles.isPresent(), "shared feed corpus not found at ../shared/corpus/feeds: skipped");

        assertSameExplanations(articles.get());
    }

    private static void assertSameExplanations(List<Article> articles) {
        long fired = 0;
        for (Article a : articles) {
            MatchExplanation expected = everyQuery.explain(a);
            assertThat(ours.explain(a)).as("%s | %s", a.title(), a.summary()).isEqualTo(expected);
            fired += expected.verdicts().stream().mapToLong(v -> v.fired().size()).sum();
        }
        // the comparison means something only if queries fired
        assertThat(fired).isPositive();
    }
}
