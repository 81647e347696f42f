package org.agendamonitor.ingest;

import java.util.List;
import java.util.Map;
import org.agendamonitor.model.Article;

/**
 * What one document yielded.
 *
 * @param articles        normalized articles, in document order
 * @param skippedByReason entries left out, counted by reason id ({@code no_link_no_guid}, {@code no_title_no_summary})
 * @param ttlMinutes      the feed's own polling hint (RSS {@code <ttl>}), or null
 * @param undated         how many articles got the fetch time because the feed gave no usable date
 */
public record ParsedFeed(List<Article> articles, Map<String, Integer> skippedByReason, Integer ttlMinutes,
        int undated) {

    public ParsedFeed {
        articles = List.copyOf(articles);
        skippedByReason = Map.copyOf(skippedByReason);
    }

    public ParsedFeed(List<Article> articles, Map<String, Integer> skippedByReason, Integer ttlMinutes) {
        this(articles, skippedByReason, ttlMinutes, 0);
    }
}
