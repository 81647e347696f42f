package org.agendamonitor.ingest;

import java.util.List;
import org.agendamonitor.config.FeedSource;
import org.agendamonitor.model.Article;

/** Where parsed articles go: Kafka in production ({@link ArticlePublisher}), a list in tests. */
public interface ArticleSink {
    /** Hands over one feed's parsed articles; returns once they are durably accepted (or throws). */
    void publish(FeedSource feed, List<Article> articles);
}
