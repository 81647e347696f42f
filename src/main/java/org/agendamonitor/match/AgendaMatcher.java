package org.agendamonitor.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.agendamonitor.config.AgendaSpec;
import org.agendamonitor.config.LanguageQueries;
import org.agendamonitor.config.RecommendationSpec;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.model.TermHit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;

/**
 * Decides which recommendations an article is about, following {@code agenda.yaml}; the rules are in the package
 * documentation. Every agenda query is parsed once into a Lucene query and run by Lucene on the article; the
 * matcher's work is to run as few of them, on as small an index, as can give the same answer:
 * <ol>
 *   <li>{@link QueryConditions} finds which of the queries' words the article contains, without analyzing the whole
 *       text, and from them which queries can match at all;</li>
 *   <li>{@link CandidateScreen} turns away, before any Lucene index is built, the articles no recommendation can
 *       reach with those queries (most news);</li>
 *   <li>{@link MemoryIndexRunner} runs the candidate queries on an in-memory index of the words they look for.</li>
 * </ol>
 * Each step only drops what cannot match, and tests hold the result to the plain lucene-monitor setup
 * ({@link #reference}) on every text the project has. Thread-safe.
 */
public final class AgendaMatcher implements AutoCloseable {
    private final AgendaSpec spec;
    private final Map<String, CompiledQuery> queries;
    private final QueryConditions conditions;
    private final CandidateScreen screen;
    private final QueryRunner runner;

    public AgendaMatcher(AgendaSpec spec) {
        this(spec, false);
    }

    /**
     * The plain lucene-monitor matcher every shortcut is checked against (tests only): every word of every article
     * analyzed, every query run on every article. Its {@link #explain} is the reference.
     */
    static AgendaMatcher reference(AgendaSpec spec) {
        return new AgendaMatcher(spec, true);
    }

    private AgendaMatcher(AgendaSpec spec, boolean reference) {
        this.spec = Objects.requireNonNull(spec, "spec");
        List<CompiledQuery> compiled = QueryCompiler.compile(spec);
        Map<String, CompiledQuery> byId = new HashMap<>();
        compiled.forEach(q -> byId.put(q.monitorId(), q));
        this.queries = Map.copyOf(byId);
        Map<String, Analyzer> analyzers = Map.of(
                "en", AgendaAnalyzers.forLanguage("en"), "es", AgendaAnalyzers.forLanguage("es"));
        Map<CompiledQuery, Query> parsed = new LinkedHashMap<>();
        compiled.forEach(q -> parsed.put(q, QueryCompiler.parse(q, analyzers.get(q.language()))));
        this.conditions = new QueryConditions(analyzers, parsed);
        this.screen = new CandidateScreen(spec, conditions, parsed.keySet());
        this.runner = reference ? new MonitorRunner(parsed) : new MemoryIndexRunner(parsed);
    }

    /** The recommendations the article is about; empty when none. */
    public List<Match> match(Article article) {
        Objects.requireNonNull(article, "article");
        List<String> languages = languages(article.language());
        Map<String, ArticleText> words = conditions.words(article, languages);
        if (!screen.mayMatch(words)) {
            return List.of();
        }
        return evaluate(article, languages, words).matches();
    }

    /** False when the screen proves that no recommendation can match (then Lucene is not run at all). */
    boolean mayMatch(Article article) {
        return screen.mayMatch(conditions.words(article, languages(article.language())));
    }

    /**
     * The full account behind {@link #match}: every query that fired, vetoes, scores and thresholds. It never takes
     * the screen's shortcut, so it is also what the screen is checked against.
     */
    public MatchExplanation explain(Article article) {
        Objects.requireNonNull(article, "article");
        List<String> languages = languages(article.language());
        return evaluate(article, languages, conditions.words(article, languages));
    }

    private MatchExplanation evaluate(Article article, List<String> languages, Map<String, ArticleText> words) {
        Map<String, List<TermHit>> hits = runner.run(article, words, conditions.candidates(words));
        Map<Recommendation, List<FiredQuery>> fired = new EnumMap<>(Recommendation.class);
        hits.forEach((id, where) -> {
            CompiledQuery q = queries.get(id);
            fired.computeIfAbsent(q.recommendation(), r -> new ArrayList<>())
                    .add(new FiredQuery(q.kind(), q.ref(), q.language(), q.text(), where));
        });
        List<RecommendationVerdict> verdicts = new ArrayList<>();
        for (RecommendationSpec recommendation : spec.recommendations()) {
            List<FiredQuery> own = new ArrayList<>(fired.getOrDefault(recommendation.id(), List.of()));
            own.sort(Comparator.comparing(FiredQuery::kind).thenComparing(FiredQuery::query));
            verdicts.add(RecommendationVerdict.of(recommendation, own));
        }
        return new MatchExplanation(languages, verdicts);
    }

    /** {@code en} or {@code es} (region subtags ignored); anything else runs the queries of both languages. */
    static List<String> languages(String language) {
        String primary = language == null ? "" : language.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return LanguageQueries.LANGUAGES.contains(primary) ? List.of(primary) : LanguageQueries.LANGUAGES;
    }

    @Override
    public void close() {
        runner.close();
    }
}
