package org.agendamonitor.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agendamonitor.config.AgendaSpec;
import org.agendamonitor.config.AgendaTopic;
import org.agendamonitor.config.LanguageQueries;
import org.agendamonitor.config.RecommendationSpec;

/**
 * Tells, from an article's analyzed words alone, that it cannot match any recommendation, so that Lucene (which
 * builds an in-memory index of every article it matches) runs only on the articles that might. Most news is not
 * about the agenda, and for those articles this is the whole cost of matching.
 *
 * <p>The screen is exact in one direction: it never turns away an article the queries would match. For each topic
 * query it keeps a {@link PresenceCondition} (a necessary condition on which words occur); a recommendation is
 * possible when the topics whose conditions hold could reach its {@code min_score}, each counted at its weight times
 * the title boost; exclusions are ignored (they only veto). An article passes when any recommendation is possible.
 * The words come from {@link QueryConditions}, which finds them without analyzing the whole text. Thread-safe.
 */
final class CandidateScreen {
    private final List<RecommendationBound> recommendations;

    CandidateScreen(AgendaSpec spec, QueryConditions conditions, Collection<CompiledQuery> queries) {
        Map<String, List<PresenceCondition>> conditionsByTopic = new HashMap<>();
        for (CompiledQuery q : queries) {
            if (q.kind() == QueryKind.TOPIC) {
                conditionsByTopic.computeIfAbsent(topicKey(q.recommendation().id(), q.ref(), q.language()),
                        k -> new ArrayList<>()).add(conditions.of(q));
            }
        }
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
    }

    private static String topicKey(String recommendation, String topic, String language) {
        return recommendation + "|" + topic + "|" + language;
    }

    /** False only when no recommendation can match an article with these words (per language, as the matcher runs). */
    boolean mayMatch(Map<String, ArticleText> texts) {
        for (RecommendationBound r : recommendations) {
            if (r.possible(texts)) {
                return true;
            }
        }
        return false;
    }

    private record TopicBound(double maxContribution, Map<String, List<PresenceCondition>> conditions) {
        boolean mayFire(Map<String, ArticleText> texts) {
            for (Map.Entry<String, ArticleText> e : texts.entrySet()) {
                for (PresenceCondition c : conditions.get(e.getKey())) {
                    if (c.test(e.getValue().present())) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private record RecommendationBound(double minScore, List<TopicBound> topics) {
        boolean possible(Map<String, ArticleText> texts) {
            double bound = 0;
            for (TopicBound t : topics) {
                if (t.mayFire(texts)) {
                    bound += t.maxContribution();
                    if (bound >= minScore) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
