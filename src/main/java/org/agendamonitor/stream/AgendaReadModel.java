package org.agendamonitor.stream;

import java.util.List;
import java.util.Map;
import org.agendamonitor.model.MatchedArticle;
import org.agendamonitor.model.Recommendation;

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
}
