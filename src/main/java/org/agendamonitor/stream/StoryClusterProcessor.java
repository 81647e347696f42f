package org.agendamonitor.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.agendamonitor.model.ArticleMatch;
import org.agendamonitor.model.StoryArticle;
import org.agendamonitor.progress.StoryCluster;
import org.agendamonitor.progress.StoryClusterer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Puts each match (keyed by recommendation) into a story with {@link StoryClusterer} and forwards the updated story.
 * A match already placed (same article id and recommendation: a replay) is dropped here, so nothing downstream counts
 * it twice. Stories are kept {@link #RETENTION} after their last article, for the API, then forgotten.
 */
final class StoryClusterProcessor implements Processor<String, ArticleMatch, String, StoryUpdate> {
    static final Duration RETENTION = Duration.ofDays(14);
    private static final StringSerializer KEYS = new StringSerializer();

    private final StoryClusterer clusterer;
    private final Clock clock;
    private ProcessorContext<String, StoryUpdate> context;
    private KeyValueStore<String, StoryCluster> clusters;
    private KeyValueStore<String, String> articleStories;

    StoryClusterProcessor(StoryClusterer clusterer, Clock clock) {
        this.clusterer = clusterer;
        this.clock = clock;
    }

    static String articleKey(String articleId, String recommendation) {
        return articleId + "|" + recommendation;
    }

    @Override
    public void init(ProcessorContext<String, StoryUpdate> context) {
        this.context = context;
        this.clusters = context.getStateStore(StoreNames.STORY_CLUSTERS);
        this.articleStories = context.getStateStore(StoreNames.ARTICLE_STORIES);
        context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, ts -> forgetOldStories());
    }

    @Override
    public void process(Record<String, ArticleMatch> record) {
        ArticleMatch m = record.value();
        String articleKey = articleKey(m.article().id(), m.recommendation().id());
        if (articleStories.get(articleKey) != null) {
            return;
        }
        List<Integer> signature = clusterer.signature(m.article());
        Optional<StoryCluster> best = clusterer.bestMatch(open(m.recommendation().id()), signature, m.eventTime());
        StoryCluster updated = best.map(c -> clusterer.join(c, m, signature))
                .orElseGet(() -> clusterer.start(m, signature));
        clusters.put(updated.story().id(), updated);
        articleStories.put(articleKey, updated.story().id());
        context.forward(record.withValue(new StoryUpdate(m, updated.story(), best.isEmpty())));
    }

    /** Stories of the recommendation (ids start with it); the clusterer checks their window in event time. */
    private List<StoryCluster> open(String recommendation) {
        List<StoryCluster> open = new ArrayList<>();
        try (KeyValueIterator<String, StoryCluster> it = clusters.prefixScan(recommendation + "-", KEYS)) {
            it.forEachRemaining(kv -> open.add(kv.value));
        }
        return open;
    }

    private void forgetOldStories() {
        Instant cutoff = clock.instant().minus(RETENTION);
        List<KeyValue<String, StoryCluster>> old = new ArrayList<>();
        try (KeyValueIterator<String, StoryCluster> it = clusters.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value.story().lastSeen().isBefore(cutoff)) {
                    old.add(kv);
                }
            });
        }
        for (KeyValue<String, StoryCluster> kv : old) {
            for (StoryArticle a : kv.value.story().articles()) {
                articleStories.delete(articleKey(a.id(), kv.value.story().recommendation().id()));
            }
            clusters.delete(kv.key);
        }
    }
}
