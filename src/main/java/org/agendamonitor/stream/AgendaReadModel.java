package org.agendamonitor.stream;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agendamonitor.model.Alert;
import org.agendamonitor.model.MatchedArticle;
import org.agendamonitor.model.ProgressSnapshot;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.model.Story;

/** What the web layer may read from the topology's state, whichever way it is hosted. */
public interface AgendaReadModel {
    /** True only while Kafka Streams is RUNNING (stores queryable). */
    boolean ready();

    /** Kafka Streams state name, for /health. */
    String state();

    /** Distinct matched articles keyed "recommendation|language". */
    Map<String, Long> matchCounts();

    /** Newest first; null filters mean "any". */
    List<MatchedArticle> recentArticles(Recommendation recommendation, String language, int limit);

    /** Distinct matched articles of one recommendation, all languages. */
    default long articleCount(Recommendation recommendation) {
        String prefix = recommendation.id() + "|";
        return matchCounts().entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * Progress of each recommendation whose state this instance hosts, computed now (defaults return nothing, for
     * read models that predate progress).
     */
    default Map<Recommendation, ProgressSnapshot> progress() {
        return Map.of();
    }

    /** Breaking-story alerts, newest first. */
    default List<Alert> alerts(int limit) {
        return List.of();
    }

    default Optional<Story> story(String id) {
        return Optional.empty();
    }

    /** The story an article belongs to under one recommendation. */
    default Optional<Story> storyOf(String articleId, Recommendation recommendation) {
        return Optional.empty();
    }
}
