package org.agendamonitor.stream;

import org.agendamonitor.model.ArticleMatch;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.MatchedArticle;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * One record per match, keyed by recommendation id, stamped with the article's event time (published, clamped to
 * fetched) so that the story and progress windows downstream run on event time rather than on arrival time.
 */
final class RecommendationKeyer implements Processor<String, MatchedArticle, String, ArticleMatch> {
    private ProcessorContext<String, ArticleMatch> context;

    @Override
    public void init(ProcessorContext<String, ArticleMatch> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, MatchedArticle> record) {
        MatchedArticle article = record.value();
        for (Match m : article.matches()) {
            ArticleMatch one = new ArticleMatch(article.article(), m);
            context.forward(record.withKey(m.recommendation().id()).withValue(one)
                    .withTimestamp(one.eventTime().toEpochMilli()));
        }
    }
}
