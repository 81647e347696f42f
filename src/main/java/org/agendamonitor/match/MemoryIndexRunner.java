package org.agendamonitor.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.TermHit;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;

/**
 * The pipeline's way of running queries: the article in a Lucene {@link MemoryIndex} fed with the tokens
 * {@link ChunkTerms} already read (only those some query could match, with their original positions and offsets:
 * what the analyzer followed by a keep filter would give, without analyzing the text a second time), and only the
 * candidate queries run on it, their hits read from Lucene's {@link Matches} the way
 * lucene-monitor's highlighter reads them (a phrase's sub-matches, else the match itself).
 *
 * <p>Why not lucene-monitor's {@code Monitor}, which the matcher was built on: profiling the on-agenda articles showed
 * half of their matching time in the monitor's query index (a second Lucene search per article to find the
 * candidates, then doc values to name them) and most of the rest in analyzing and indexing words no query looks
 * for, although {@link QueryConditions} already knows the candidates exactly. {@link MonitorRunner} keeps the plain
 * monitor as the reference that tests compare every verdict and hit against.
 */
final class MemoryIndexRunner implements QueryRunner {
    /** Each query as Lucene runs it: rewritten once here when that cannot depend on the article, else as parsed. */
    private final Map<String, Query> queries = new HashMap<>();
    /** The ids of the queries in {@link #queries} that are rewritten already. */
    private final Set<String> rewritten = new HashSet<>();
    /**
     * What each thread's index keeps of its buffers when it is reset for the next article: 4 byte blocks and 4 int
     * blocks of 32 KB, more than an article's words fill. The public constructors keep none, so every on-agenda
     * article allocated (and zeroed) at least a fresh 32 KB block of each, 45% of what matching it allocated.
     */
    static final long REUSED_BYTES = 256 * 1024;

    /**
     * One index per thread, reset between articles. Lucene takes the bytes to keep only through its expert
     * constructor, which is package-private; {@code fromDocument} of no fields is the public way to it.
     */
    private final ThreadLocal<MemoryIndex> indexes = ThreadLocal.withInitial(
            () -> MemoryIndex.fromDocument(List.of(), null, true, false, REUSED_BYTES));

    MemoryIndexRunner(Map<CompiledQuery, Query> parsed) {
        IndexSearcher empty = new MemoryIndex().createSearcher();
        parsed.forEach((q, query) -> {
            if (rewritesAlike(query)) {
                queries.put(q.monitorId(), rewrite(empty, query));
                rewritten.add(q.monitorId());
            } else {
                queries.put(q.monitorId(), query);
            }
        });
    }

    /**
     * Whether the query rewrites the same whatever index it runs on: built only of queries whose rewriting is a
     * matter of their own structure. A prefix or wildcard query is not (it expands to the index's words), nor is any
     * kind not listed, so those are rewritten for each article as before. Rewriting the others once saved what
     * {@link IndexSearcher#rewrite} cost per on-agenda article (3% of the stream thread in the bench's profile).
     */
    static boolean rewritesAlike(Query query) {
        if (query instanceof TermQuery || query instanceof PhraseQuery || query instanceof MultiPhraseQuery
                || query instanceof SynonymQuery || query instanceof MatchAllDocsQuery
                || query instanceof MatchNoDocsQuery) {
            return true;
        }
        if (query instanceof BoostQuery q) {
            return rewritesAlike(q.getQuery());
        }
        if (query instanceof ConstantScoreQuery q) {
            return rewritesAlike(q.getQuery());
        }
        if (query instanceof DisjunctionMaxQuery q) {
            return q.getDisjuncts().stream().allMatch(MemoryIndexRunner::rewritesAlike);
        }
        if (query instanceof BooleanQuery q) {
            return q.clauses().stream().allMatch(c -> rewritesAlike(c.getQuery()));
        }
        return false;
    }

    private static Query rewrite(IndexSearcher searcher, Query query) {
        try {
            return searcher.rewrite(query);
        } catch (IOException e) {
            throw new UncheckedIOException("rewriting " + query, e);
        }
    }

    @Override
    public Map<String, List<TermHit>> run(Article article, Map<String, ArticleText> texts,
            List<CompiledQuery> candidates) {
        Map<String, List<TermHit>> fired = new HashMap<>();
        if (candidates.isEmpty()) {
            return fired;
        }
        MemoryIndex index = indexes.get();
        index.reset();
        Map<String, Boolean> titleTokens = new HashMap<>();
        for (String language : AgendaMatcher.languages(article.language())) {
            ArticleText text = texts.get(language);
            String textField = AgendaAnalyzers.field(AgendaAnalyzers.TEXT, language);
            // the gaps every agenda analyzer puts between the values of a field
            index.addField(textField, text.title().tokens(), AgendaAnalyzers.POSITION_GAP, AgendaAnalyzers.OFFSET_GAP);
            index.addField(textField, text.summary().tokens(), AgendaAnalyzers.POSITION_GAP,
                    AgendaAnalyzers.OFFSET_GAP);
            index.addField(AgendaAnalyzers.field(AgendaAnalyzers.TITLE, language), text.title().tokens(),
                    AgendaAnalyzers.POSITION_GAP, AgendaAnalyzers.OFFSET_GAP);
            titleTokens.put(textField, text.title().keepsAny());
        }
        IndexSearcher searcher = index.createSearcher();
        searcher.setQueryCache(null);
        LeafReaderContext leaf = searcher.getIndexReader().leaves().get(0);
        ArticleHits hits = new ArticleHits(article);
        try {
            for (CompiledQuery q : candidates) {
                Query query = queries.get(q.monitorId());
                Query runnable = rewritten.contains(q.monitorId()) ? query : searcher.rewrite(query);
                Weight weight = searcher.createWeight(runnable, ScoreMode.COMPLETE_NO_SCORES, 1);
                Matches matches = weight.matches(leaf, 0);
                if (matches != null) {
                    fired.put(q.monitorId(), hits(matches, hits, titleTokens));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("matching article " + article.id(), e);
        }
        return fired;
    }

    private static List<TermHit> hits(Matches matches, ArticleHits hits, Map<String, Boolean> titleTokens)
            throws IOException {
        ArticleHits.Collector collector = hits.collector();
        for (String field : matches) {
            boolean tokens = titleTokens.getOrDefault(AgendaAnalyzers.textFieldOf(field), false);
            MatchesIterator it = matches.getMatches(field);
            while (it != null && it.next()) {
                MatchesIterator sub = it.getSubMatches();
                if (sub != null) {
                    while (sub.next()) {
                        collector.add(field, tokens, sub.startOffset(), sub.endOffset());
                    }
                } else {
                    collector.add(field, tokens, it.startOffset(), it.endOffset());
                }
            }
        }
        return collector.hits();
    }

    @Override
    public void close() {
        // nothing held between articles
    }
}
