package org.agendamonitor.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.agendamonitor.config.AgendaSpec;
import org.agendamonitor.config.LanguageQueries;
import org.agendamonitor.config.RecommendationSpec;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.model.TermHit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.search.Query;

/**
 * Decides which recommendations an article is about, following {@code agenda.yaml}; the rules are in the package
 * documentation. Every agenda query is compiled once into one Lucene {@link Monitor}. Two filters keep the monitor's
 * work small without changing a single verdict: the {@link CandidateScreen} turns away, before any Lucene index is
 * built, the articles no recommendation can match (most news), and the {@link PresencePresearcher} runs, for the
 * others, only the queries whose words are all there. Thread-safe: the monitor, screen and analyzers may be used
 * concurrently.
 */
public final class AgendaMatcher implements AutoCloseable {
    private final AgendaSpec spec;
    private final Map<String, CompiledQuery> queries;
    private final Monitor monitor;
    private final CandidateScreen screen;

    public AgendaMatcher(AgendaSpec spec) {
        this(spec, new PresencePresearcher());
    }

    /** With another presearcher: for tests that check ours against Lucene's run-every-query one. */
    AgendaMatcher(AgendaSpec spec, Presearcher presearcher) {
        this.spec = Objects.requireNonNull(spec, "spec");
        List<CompiledQuery> compiled = QueryCompiler.compile(spec);
        Map<String, CompiledQuery> byId = new HashMap<>();
        compiled.forEach(q -> byId.put(q.monitorId(), q));
        this.queries = Map.copyOf(byId);
        Map<String, Analyzer> analyzers = Map.of(
                "en", AgendaAnalyzers.forLanguage("en"), "es", AgendaAnalyzers.forLanguage("es"));
        Map<CompiledQuery, Query> parsed = new LinkedHashMap<>();
        compiled.forEach(q -> parsed.put(q, QueryCompiler.parse(q, analyzers.get(q.language()))));
        this.monitor = monitor(parsed, presearcher);
        this.screen = new CandidateScreen(spec, analyzers, parsed);
    }

    private static Monitor monitor(Map<CompiledQuery, Query> parsed, Presearcher presearcher) {
        try {
            Monitor monitor = new Monitor(AgendaAnalyzers.perField(), presearcher);
            List<MonitorQuery> monitorQueries = new ArrayList<>();
            parsed.forEach((q, query) -> monitorQueries.add(new MonitorQuery(q.monitorId(), query, q.text(), Map.of())));
            monitor.register(monitorQueries);
            return monitor;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the agenda monitor", e);
        }
    }

    /** The recommendations the article is about; empty when none. */
    public List<Match> match(Article article) {
        if (!mayMatch(article)) {
            return List.of();
        }
        return evaluate(article).matches();
    }

    /** False when the screen proves that no recommendation can match (then the monitor is not run at all). */
    boolean mayMatch(Article article) {
        return screen.mayMatch(article, languages(article.language()));
    }

    /**
     * The full account behind {@link #match}: every query that fired, vetoes, scores and thresholds. It never takes
     * the screen's shortcut, so it is also what the screen is checked against.
     */
    public MatchExplanation explain(Article article) {
        return evaluate(article);
    }

    private MatchExplanation evaluate(Article article) {
        Objects.requireNonNull(article, "article");
        List<String> languages = languages(article.language());
        Document document = new Document();
        for (String language : languages) {
            String text = AgendaAnalyzers.field(AgendaAnalyzers.TEXT, language);
            document.add(new TextField(text, article.title(), Field.Store.NO));
            document.add(new TextField(text, article.summary(), Field.Store.NO));
            document.add(new TextField(AgendaAnalyzers.field(AgendaAnalyzers.TITLE, language), article.title(), Field.Store.NO));
        }
        Map<Recommendation, List<FiredQuery>> fired = new EnumMap<>(Recommendation.class);
        run(document, article, fired);
        List<RecommendationVerdict> verdicts = new ArrayList<>();
        for (RecommendationSpec recommendation : spec.recommendations()) {
            List<FiredQuery> own = new ArrayList<>(fired.getOrDefault(recommendation.id(), List.of()));
            own.sort(Comparator.comparing(FiredQuery::kind).thenComparing(FiredQuery::query));
            verdicts.add(RecommendationVerdict.of(recommendation, own));
        }
        return new MatchExplanation(languages, verdicts);
    }

    private void run(Document document, Article article, Map<Recommendation, List<FiredQuery>> into) {
        MatchingQueries<HighlightsMatch> result;
        try {
            result = monitor.match(document, HighlightsMatch.MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException("matching article " + article.id(), e);
        }
        if (!result.getErrors().isEmpty()) {
            throw new IllegalStateException("agenda queries failed on article " + article.id() + ": " + result.getErrors());
        }
        for (HighlightsMatch m : result.getMatches()) {
            CompiledQuery q = queries.get(m.getQueryId());
            into.computeIfAbsent(q.recommendation(), r -> new ArrayList<>())
                    .add(new FiredQuery(q.kind(), q.ref(), q.language(), q.text(), hits(m, article)));
        }
    }

    /**
     * Maps Lucene's highlight offsets, which the analyzers keep, back to the article's own text. In the text field the
     * summary's offsets follow the title's length plus the offset gap, unless the title produced no token at all.
     */
    private static List<TermHit> hits(HighlightsMatch match, Article article) {
        String title = article.title();
        String summary = article.summary();
        int summaryBase = title.codePoints().anyMatch(Character::isLetterOrDigit)
                ? title.length() + AgendaAnalyzers.OFFSET_GAP : 0;
        Set<TermHit> hits = new TreeSet<>(RecommendationVerdict.HIT_ORDER);
        for (Map.Entry<String, Set<HighlightsMatch.Hit>> entry : match.getHits().entrySet()) {
            boolean titleOnly = AgendaAnalyzers.baseField(entry.getKey()).equals(AgendaAnalyzers.TITLE);
            for (HighlightsMatch.Hit hit : entry.getValue()) {
                if (titleOnly || (summaryBase > 0 && hit.endOffset <= title.length())) {
                    add(hits, AgendaAnalyzers.TITLE, title, hit.startOffset, hit.endOffset);
                } else {
                    add(hits, AgendaAnalyzers.SUMMARY, summary, hit.startOffset - summaryBase, hit.endOffset - summaryBase);
                }
            }
        }
        return List.copyOf(hits);
    }

    private static void add(Set<TermHit> hits, String field, String text, int start, int end) {
        if (start >= 0 && start <= end && end <= text.length()) {
            hits.add(new TermHit(field, start, end, text.substring(start, end)));
        }
    }

    /** {@code en} or {@code es} (region subtags ignored); anything else runs the queries of both languages. */
    static List<String> languages(String language) {
        String primary = language == null ? "" : language.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return LanguageQueries.LANGUAGES.contains(primary) ? List.of(primary) : LanguageQueries.LANGUAGES;
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
