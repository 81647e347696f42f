package org.agendamonitor.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.TermHit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.search.Query;

/**
 * The textbook Lucene monitor: every word of the article analyzed, every query run on every article (Lucene's
 * no-filtering presearcher), hits from lucene-monitor's {@link HighlightsMatch}. Too slow for the pipeline, it is the
 * reference every shortcut of {@link MemoryIndexRunner} is checked against (in tests).
 */
final class MonitorRunner implements QueryRunner {
    private final Monitor monitor;
    private final Analyzer analyzer = AgendaAnalyzers.perField();

    MonitorRunner(Map<CompiledQuery, Query> parsed) {
        try {
            monitor = new Monitor(analyzer, Presearcher.NO_FILTERING);
            List<MonitorQuery> all = new ArrayList<>();
            parsed.forEach((q, query) -> all.add(new MonitorQuery(q.monitorId(), query, q.text(), Map.of())));
            monitor.register(all);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the agenda monitor", e);
        }
    }

    /** Runs every query, whatever the candidates. */
    @Override
    public Map<String, List<TermHit>> run(Article article, Map<String, ArticleText> texts,
            List<CompiledQuery> candidates) {
        MatchingQueries<HighlightsMatch> result;
        try {
            result = monitor.match(ArticleHits.document(article, AgendaMatcher.languages(article.language())),
                    HighlightsMatch.MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException("matching article " + article.id(), e);
        }
        if (!result.getErrors().isEmpty()) {
            throw new IllegalStateException("agenda queries failed on article " + article.id() + ": "
                    + result.getErrors());
        }
        ArticleHits hits = new ArticleHits(article);
        Map<String, Boolean> titleTokens = new HashMap<>();
        Map<String, List<TermHit>> fired = new HashMap<>();
        for (HighlightsMatch m : result.getMatches()) {
            ArticleHits.Collector collector = hits.collector();
            for (Map.Entry<String, Set<HighlightsMatch.Hit>> e : m.getHits().entrySet()) {
                String field = e.getKey();
                boolean tokens = titleTokens.computeIfAbsent(AgendaAnalyzers.textFieldOf(field),
                        f -> ArticleHits.leavesAToken(analyzer, f, article.title()));
                e.getValue().forEach(hit -> collector.add(field, tokens, hit.startOffset, hit.endOffset));
            }
            fired.put(m.getQueryId(), collector.hits());
        }
        return fired;
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
