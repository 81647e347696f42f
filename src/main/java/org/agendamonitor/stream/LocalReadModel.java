package org.agendamonitor.stream;

import java.util.List;
import java.util.Map;
import org.agendamonitor.model.MatchedArticle;
import org.agendamonitor.model.Recommendation;

/**
 * What this instance hosts, partition by partition: the view one instance serves to its peers on
 * {@code /internal/*} so that any of them can answer for all data ({@link ClusterReadModel}).
 */
public interface LocalReadModel {
    /** Match counts ("recommendation|language" → n) of each input partition whose active task runs here. */
    Map<Integer, Map<String, Long>> matchCountsByPartition();

    /** Newest first, from the partitions hosted here only; null filters mean "any". */
    List<MatchedArticle> recentArticles(Recommendation recommendation, String language, int limit);
}
