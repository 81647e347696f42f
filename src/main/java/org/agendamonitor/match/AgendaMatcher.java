package org.agendamonitor.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.agendamonitor.config.AgendaSpec;
import org.agendamonitor.config.AgendaTopic;
import org.agendamonitor.config.LanguageQueries;
import org.agendamonitor.config.Milestone;
import org.agendamonitor.config.RecommendationSpec;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.Direction;
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
import org.apache.lucene.search.Query;

/**
 * Decides which recommendations an article is about, following {@code agenda.yaml}; the rules are in the package
 * documentation. Every agenda query is compiled once into one Lucene {@link Monitor}, whose presearcher runs only the
 * queries that share a term with the article. Thread-safe: the monitor and the analyzers may be used concurrently.
 */
public final class AgendaMatcher implements AutoCloseable {
    private final AgendaSpec spec;
    private final Monitor monitor;
    private final Map<String, CompiledQuery> queries;

    public AgendaMatcher(AgendaSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        List<CompiledQuery> compiled = QueryCompiler.compile(spec);
        Map<String, CompiledQuery> byId = new HashMap<>();
        compiled.forEach(q -> byId.put(q.monitorId(), q));
        this.queries = Map.copyOf(byId);
        try {
            this.monitor = new Monitor(AgendaAnalyzers.perField());
            Map<String, Analyzer> analyzers = Map.of(
                    "en", AgendaAnalyzers.forLanguage("en"), "es", AgendaAnalyzers.forLanguage("es"));
            List<MonitorQuery> monitorQueries = new ArrayList<>();
            for (CompiledQuery q : compiled) {
                Query query = QueryCompiler.parse(q, analyzers.get(q.language()));
                monitorQueries.add(new MonitorQuery(q.monitorId(), query, q.text(), Map.of()));
            }
            monitor.register(monitorQueries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the agenda monitor", e);
        }
    }

    /** The recommendations the article is about; empty when none. */
    public List<Match> match(Article article) {
        return explain(article).matches();
    }

    /** The full account behind {@link #match}: every query that fired, vetoes, scores and thresholds. */
    public MatchExplanation explain(Article article) {
        Objects.requireNonNull(article, "article");
        List<String> languages = languages(article.language());
        Document document = new Document();
        for (String language : languages) {
            document.add(new TextField(AgendaAnalyzers.field(AgendaAnalyzers.TITLE, language), article.title(), Field.Store.NO));
            document.add(new TextField(AgendaAnalyzers.field(AgendaAnalyzers.SUMMARY, language), article.summary(), Field.Store.NO));
        }
        MatchingQueries<HighlightsMatch> result;
        try {
            result = monitor.match(document, HighlightsMatch.MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException("matching article " + article.id(), e);
        }
        if (!result.getErrors().isEmpty()) {
            throw new IllegalStateException("agenda queries failed on article " + article.id() + ": " + result.getErrors());
        }
        Map<Recommendation, List<FiredQuery>> fired = new EnumMap<>(Recommendation.class);
        for (HighlightsMatch m : result.getMatches()) {
            CompiledQuery q = queries.get(m.getQueryId());
            fired.computeIfAbsent(q.recommendation(), r -> new ArrayList<>())
                    .add(new FiredQuery(q.kind(), q.ref(), q.language(), q.text(), hits(m, article)));
        }
        List<RecommendationVerdict> verdicts = new ArrayList<>();
        for (RecommendationSpec recommendation : spec.recommendations()) {
            List<FiredQuery> own = new ArrayList<>(fired.getOrDefault(recommendation.id(), List.of()));
            own.sort(java.util.Comparator.comparing(FiredQuery::kind).thenComparing(FiredQuery::query));
            verdicts.add(verdict(recommendation, own));
        }
        return new MatchExplanation(languages, verdicts);
    }

    private static RecommendationVerdict verdict(RecommendationSpec spec, List<FiredQuery> fired) {
        boolean vetoed = fired.stream().anyMatch(f -> f.kind() == QueryKind.EXCLUSION);
        Map<String, Double> topicScores = new LinkedHashMap<>();
        double score = 0;
        for (AgendaTopic topic : spec.topics()) {
            List<FiredQuery> own = fired.stream()
                    .filter(f -> f.kind() == QueryKind.TOPIC && topic.id().equals(f.ref())).toList();
            if (!own.isEmpty()) {
                double contribution = topic.weight() * (own.stream().anyMatch(FiredQuery::inTitle) ? spec.titleBoost() : 1.0);
                topicScores.put(topic.id(), contribution);
                score += contribution;
            }
        }
        boolean advance = fired.stream().anyMatch(f -> f.kind() == QueryKind.ADVANCE);
        boolean setback = fired.stream().anyMatch(f -> f.kind() == QueryKind.SETBACK);
        Direction direction = advance == setback ? Direction.NEUTRAL : advance ? Direction.ADVANCE : Direction.SETBACK;
        String milestone = spec.milestones().stream()
                .map(Milestone::id)
                .filter(id -> fired.stream().anyMatch(f -> f.kind() == QueryKind.MILESTONE && id.equals(f.ref())))
                .findFirst().orElse(null);
        boolean matched = !vetoed && score >= spec.minScore();
        return new RecommendationVerdict(spec.id(), matched, vetoed, score, spec.minScore(), topicScores, direction,
                milestone, fired);
    }

    /** Maps Lucene's highlight offsets, which the analyzers keep, back to the article's own text. */
    private static List<TermHit> hits(HighlightsMatch match, Article article) {
        List<TermHit> hits = new ArrayList<>();
        for (Map.Entry<String, java.util.Set<HighlightsMatch.Hit>> entry : match.getHits().entrySet()) {
            String field = AgendaAnalyzers.baseField(entry.getKey());
            String text = field.equals(AgendaAnalyzers.TITLE) ? article.title() : article.summary();
            Collection<HighlightsMatch.Hit> fieldHits = entry.getValue();
            for (HighlightsMatch.Hit hit : fieldHits) {
                if (hit.startOffset >= 0 && hit.endOffset <= text.length() && hit.startOffset <= hit.endOffset) {
                    hits.add(new TermHit(field, hit.startOffset, hit.endOffset,
                            text.substring(hit.startOffset, hit.endOffset)));
                }
            }
        }
        hits.sort(java.util.Comparator.comparing((TermHit h) -> h.field().equals(AgendaAnalyzers.TITLE) ? 0 : 1)
                .thenComparingInt(TermHit::start));
        return hits;
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
