package org.agendamonitor.stream;

import org.agendamonitor.model.Article;
import org.agendamonitor.model.ArticleMatch;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.MatchedArticle;
import org.agendamonitor.progress.StoryClusterer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * One record per match, keyed by recommendation id, stamped with the article's event time (published, clamped to
 * fetched) so that the story and progress windows downstream run on event time rather than on arrival time. The
 * article's story signature goes with each match, made once however many recommendations it matched (by the
 * {@link MatchAhead} worker when it matched the article, else here), and its summary stays behind: the signature is
 * all the story stage read of it (a kilobyte or more per match not written, compressed and read back).
 */
final class RecommendationKeyer implements Processor<String, MatchedArticle, String, ArticleMatch> {
    /** Where signatures made ahead come from (null: all are made here). */
    private final MatchAhead ahead;
    private ProcessorContext<String, ArticleMatch> context;

    RecommendationKeyer(MatchAhead ahead) {
        this.ahead = ahead;
    }

    @Override
    public void init(ProcessorContext<String, ArticleMatch> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, MatchedArticle> record) {
        MatchedArticle matched = record.value();
        Article article = matched.article();
        int[] madeAhead = ahead == null ? null : ahead.signatureMadeFor(article.id());
        int[] signature = madeAhead != null ? madeAhead : StoryClusterer.signatureOf(article);
        Article withoutSummary = new Article(article.id(), article.feedId(), article.source(), article.url(),
                article.title(), "", article.language(), article.publishedAt(), article.fetchedAt());
        for (Match m : matched.matches()) {
            ArticleMatch one = new ArticleMatch(withoutSummary, m, signature);
            context.forward(record.withKey(m.recommendation().id()).withValue(one)
                    .withTimestamp(one.eventTime().toEpochMilli()));
        }
    }
}
