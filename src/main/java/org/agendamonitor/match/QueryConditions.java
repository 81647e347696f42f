package org.agendamonitor.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agendamonitor.config.LanguageQueries;
import org.agendamonitor.model.Article;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;

/**
 * The {@link PresenceCondition} of every agenda query over the words of its language, and the words of an article
 * they are tested on ({@link ChunkTerms}: bit i set when the article yields term i of that language). What the screen
 * decides with, and what picks the queries worth running on an article that passes it. Thread-safe.
 */
final class QueryConditions {
    private final Map<String, ChunkTerms> words;
    private final Map<CompiledQuery, PresenceCondition> conditions;
    /** Per language, its queries with their conditions, in agenda order. */
    private final Map<String, List<Screened>> byLanguage;

    private record Screened(CompiledQuery query, PresenceCondition condition) {
    }

    QueryConditions(Map<String, Analyzer> analyzers, Map<CompiledQuery, Query> parsed) {
        QueryTerms kept = QueryTerms.of(parsed.values());
        Map<String, ChunkTerms> vocabularies = new HashMap<>();
        for (String language : LanguageQueries.LANGUAGES) {
            vocabularies.put(language, new ChunkTerms(analyzers.get(language),
                    AgendaAnalyzers.field(AgendaAnalyzers.TEXT, language), kept));
        }
        Map<CompiledQuery, PresenceCondition> all = new LinkedHashMap<>();
        Map<String, List<Screened>> perLanguage = new HashMap<>();
        parsed.forEach((q, query) -> {
            ChunkTerms vocabulary = vocabularies.get(q.language());
            PresenceCondition condition = PresenceCondition.guarded(
                    PresenceCondition.of(query, t -> vocabulary.termId(t.text())));
            all.put(q, condition);
            perLanguage.computeIfAbsent(q.language(), l -> new ArrayList<>()).add(new Screened(q, condition));
        });
        vocabularies.values().forEach(ChunkTerms::freeze);
        this.words = Map.copyOf(vocabularies);
        this.conditions = all;
        perLanguage.replaceAll((l, qs) -> List.copyOf(qs));
        this.byLanguage = Map.copyOf(perLanguage);
    }

    /** The article's words in each of {@code languages}. */
    Map<String, ArticleText> words(Article article, List<String> languages) {
        Map<String, ArticleText> texts = new HashMap<>(4);
        for (String language : languages) {
            texts.put(language, words.get(language).read(article.title(), article.summary()));
        }
        return texts;
    }

    PresenceCondition of(CompiledQuery query) {
        return conditions.get(query);
    }

    /** The queries of the article's languages whose words are all there: the only ones that can match it. */
    List<CompiledQuery> candidates(Map<String, ArticleText> texts) {
        List<CompiledQuery> out = new ArrayList<>();
        texts.forEach((language, text) -> {
            for (Screened s : byLanguage.getOrDefault(language, List.of())) {
                if (s.condition().test(text.present())) {
                    out.add(s.query());
                }
            }
        });
        return out;
    }

    /** Queries that cannot be screened by words (they run on every article of their language). */
    long unscreenable() {
        return conditions.values().stream().filter(PresenceCondition::always).count();
    }
}
