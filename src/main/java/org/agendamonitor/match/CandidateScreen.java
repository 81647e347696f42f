package org.agendamonitor.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.agendamonitor.config.AgendaSpec;
import org.agendamonitor.config.AgendaTopic;
import org.agendamonitor.config.LanguageQueries;
import org.agendamonitor.config.RecommendationSpec;
import org.agendamonitor.model.Article;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.search.Query;

/**
 * Tells, from an article's analyzed words alone, that it cannot match any recommendation, so that the Lucene monitor
 * (which builds an in-memory index of every article it sees) runs only on the articles that might. Most news is not
 * about the agenda, and for those articles this is the whole cost of matching.
 *
 * <p>The screen is exact in one direction: it never turns away an article the monitor would match. For each topic
 * query it keeps a {@link PresenceCondition} (a necessary condition on which words occur); a recommendation is
 * possible when the topics whose conditions hold could reach its {@code min_score}, each counted at its weight times
 * the title boost; exclusions are ignored (they only veto). An article passes when any recommendation is possible.
 *
 * <p>Words are found without running the analyzer over the whole text: no token of Lucene's standard tokenizer spans
 * ASCII whitespace (UAX #29 always breaks there), and every filter after it works on one token, so the terms of a
 * text are the union of the terms of its whitespace-separated chunks. Chunks repeat (news is Zipf-distributed), so
 * each distinct chunk is analyzed once and remembered as the vocabulary terms it yields, in a bounded cache that is
 * emptied when full. Thread-safe.
 */
final class CandidateScreen {
    /** Distinct chunks remembered per language before the cache is emptied (a few MB). */
    static final int MAX_REMEMBERED_CHUNKS = 100_000;
    private static final int[] NO_TERMS = new int[0];

    private final Map<String, LanguageWords> words;
    private final List<RecommendationBound> recommendations;

    /** {@code parsed} maps each topic query (as compiled) to its Lucene query; {@code analyzers} by language. */
    CandidateScreen(AgendaSpec spec, Map<String, Analyzer> analyzers, Map<CompiledQuery, Query> parsed) {
        Map<String, LanguageWords> byLanguage = new HashMap<>();
        for (String language : LanguageQueries.LANGUAGES) {
            byLanguage.put(language, new LanguageWords(analyzers.get(language), language));
        }
        Map<String, List<PresenceCondition>> conditionsByTopic = new HashMap<>();
        parsed.forEach((q, query) -> {
            if (q.kind() == QueryKind.TOPIC) {
                LanguageWords vocabulary = byLanguage.get(q.language());
                PresenceCondition condition = PresenceCondition.of(query, term -> vocabulary.termId(term.text()));
                conditionsByTopic.computeIfAbsent(topicKey(q.recommendation().id(), q.ref(), q.language()),
                        k -> new ArrayList<>()).add(condition);
            }
        });
        List<RecommendationBound> bounds = new ArrayList<>();
        for (RecommendationSpec r : spec.recommendations()) {
            List<TopicBound> topics = new ArrayList<>();
            for (AgendaTopic topic : r.topics()) {
                Map<String, List<PresenceCondition>> perLanguage = new HashMap<>();
                for (String language : LanguageQueries.LANGUAGES) {
                    perLanguage.put(language, List.copyOf(conditionsByTopic.getOrDefault(
                            topicKey(r.id().id(), topic.id(), language), List.of())));
                }
                topics.add(new TopicBound(topic.weight() * Math.max(1.0, r.titleBoost()), perLanguage));
            }
            bounds.add(new RecommendationBound(r.minScore(), topics));
        }
        this.recommendations = List.copyOf(bounds);
        byLanguage.values().forEach(LanguageWords::freeze);
        this.words = Map.copyOf(byLanguage);
    }

    private static String topicKey(String recommendation, String topic, String language) {
        return recommendation + "|" + topic + "|" + language;
    }

    /** False only when no recommendation can match {@code article} (the article's languages as the matcher runs them). */
    boolean mayMatch(Article article, List<String> languages) {
        Map<String, long[]> present = new HashMap<>(4);
        for (String language : languages) {
            present.put(language, words.get(language).present(article.title(), article.summary()));
        }
        for (RecommendationBound r : recommendations) {
            if (r.possible(present)) {
                return true;
            }
        }
        return false;
    }

    /** Topic queries that cannot be screened by words (every article of their language passes for them). */
    long unscreenableQueries() {
        return recommendations.stream().flatMap(r -> r.topics().stream())
                .flatMap(t -> t.conditions().values().stream()).flatMap(List::stream)
                .filter(PresenceCondition::always).count();
    }

    private record TopicBound(double maxContribution, Map<String, List<PresenceCondition>> conditions) {
        boolean mayFire(Map<String, long[]> present) {
            for (Map.Entry<String, long[]> e : present.entrySet()) {
                for (PresenceCondition c : conditions.get(e.getKey())) {
                    if (c.test(e.getValue())) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private record RecommendationBound(double minScore, List<TopicBound> topics) {
        boolean possible(Map<String, long[]> present) {
            double bound = 0;
            for (TopicBound t : topics) {
                if (t.mayFire(present)) {
                    bound += t.maxContribution();
                    if (bound >= minScore) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** The vocabulary of one language's topic queries, and which of its terms each remembered chunk yields. */
    private static final class LanguageWords {
        private final Analyzer analyzer;
        private final String field;
        private final Map<String, Integer> vocabulary = new HashMap<>();
        private final ConcurrentHashMap<String, int[]> chunks = new ConcurrentHashMap<>();
        private boolean frozen;

        LanguageWords(Analyzer analyzer, String language) {
            this.analyzer = analyzer;
            this.field = AgendaAnalyzers.field(AgendaAnalyzers.TEXT, language);
        }

        int termId(String term) {
            if (frozen) {
                throw new IllegalStateException("vocabulary is complete");
            }
            return vocabulary.computeIfAbsent(term, t -> vocabulary.size());
        }

        void freeze() {
            frozen = true;
        }

        long[] present(String title, String summary) {
            long[] present = new long[(vocabulary.size() >>> 6) + 1];
            addChunks(title, present);
            addChunks(summary, present);
            return present;
        }

        private void addChunks(String text, long[] present) {
            int start = -1;
            for (int i = 0, n = text.length(); i <= n; i++) {
                boolean boundary = i == n || isAsciiWhitespace(text.charAt(i));
                if (!boundary && start < 0) {
                    start = i;
                } else if (boundary && start >= 0) {
                    for (int id : terms(text.substring(start, i))) {
                        present[id >>> 6] |= 1L << id;
                    }
                    start = -1;
                }
            }
        }

        private static boolean isAsciiWhitespace(char c) {
            return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\u000B';
        }

        private int[] terms(String chunk) {
            int[] known = chunks.get(chunk);
            if (known != null) {
                return known;
            }
            int[] ids = analyze(chunk);
            if (chunks.size() >= MAX_REMEMBERED_CHUNKS) {
                chunks.clear();
            }
            chunks.put(chunk, ids);
            return ids;
        }

        private int[] analyze(String chunk) {
            List<Integer> ids = null;
            try (TokenStream tokens = analyzer.tokenStream(field, chunk)) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    Integer id = vocabulary.get(term.toString());
                    if (id != null) {
                        if (ids == null) {
                            ids = new ArrayList<>(2);
                        }
                        ids.add(id);
                    }
                }
                tokens.end();
            } catch (IOException e) {
                throw new UncheckedIOException("analyzing '" + chunk + "'", e);
            }
            return ids == null ? NO_TERMS : ids.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
