package org.agendamonitor.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agendamonitor.model.ArticleMatch;
import org.agendamonitor.model.Story;
import org.agendamonitor.progress.MinHash;
import org.agendamonitor.progress.StoryCluster;
import org.agendamonitor.progress.StoryClusterer;
import org.agendamonitor.progress.StoryIndex;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts each match (keyed by recommendation) into a story with {@link StoryClusterer} and forwards the updated story.
 * A match already placed (same article id and recommendation: a replay) is dropped here, so nothing downstream counts
 * it twice. Stories are kept {@link #RETENTION} after their last article, for the API, then forgotten.
 *
 * <p>The stores are the truth; the {@link StoryIndex} that finds an article's story is rebuilt from them whenever
 * the task (re)starts, and again, with a longer horizon, when an article comes from further back than it reaches;
 * every store change is mirrored into it, so it never holds a story the stores do not. Per article the work is one
 * index lookup, the story's record (bounded, whatever the story's size) and, once, the article's signature.
 */
final class StoryClusterProcessor implements Processor<String, ArticleMatch, String, StoryUpdate> {
    private static final Logger LOG = LoggerFactory.getLogger(StoryClusterProcessor.class);
    static final Duration RETENTION = Duration.ofDays(14);
    /** Stories kept decoded in memory (a few MB). */
    static final int WRITTEN_KEPT = 1_024;
    /** Stories decoded per sweep; article entries per sweep (each story they point to looked up once). */
    static final int STORY_SWEEP_BUDGET = 200;
    static final int MEMBER_SWEEP_BUDGET = 2_000;

    private final StoryClusterer clusterer;
    private final Clock clock;
    private ProcessorContext<String, StoryUpdate> context;
    private KeyValueStore<String, StoryCluster> clusters;
    private KeyValueStore<String, String> articleStories;
    private KeyValueStore<String, byte[]> signatures;
    private StoryIndex index;
    private StoreSweep<String, StoryCluster> storySweep;
    private StoreSweep<String, String> memberSweep;
    /**
     * The stories last written, as objects: the store stays the truth (every change is written through), but a busy
     * story is not decoded from JSON again for every article that joins it. Rebuilt empty with the index on init.
     */
    private Map<String, StoryCluster> written;

    StoryClusterProcessor(StoryClusterer clusterer, Clock clock) {
        this.clusterer = clusterer;
        this.clock = clock;
    }

    static String articleKey(String articleId, String recommendation) {
        return articleId + "|" + recommendation;
    }

    static String signatureKey(String storyId, String articleId) {
        return storyId + "|" + articleId;
    }

    @Override
    public void init(ProcessorContext<String, StoryUpdate> context) {
        this.context = context;
        this.clusters = context.getStateStore(StoreNames.STORY_CLUSTERS);
        this.articleStories = context.getStateStore(StoreNames.ARTICLE_STORIES);
        this.signatures = context.getStateStore(StoreNames.STORY_SIGNATURES);
        this.index = rebuildIndex(clusterer.newIndex());
        this.written = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StoryCluster> eldest) {
                return size() > WRITTEN_KEPT;
            }
        };
        this.storySweep = new StoreSweep<>(clusters, STORY_SWEEP_BUDGET);
        this.memberSweep = new StoreSweep<>(articleStories, MEMBER_SWEEP_BUDGET);
        context.schedule(StoreSweep.EVERY, PunctuationType.WALL_CLOCK_TIME, ts -> forgetOldStories());
    }

    @Override
    public void process(Record<String, ArticleMatch> record) {
        ArticleMatch m = record.value();
        String articleKey = articleKey(m.article().id(), m.recommendation().id());
        if (articleStories.get(articleKey) != null) {
            return;
        }
        int[] signature = clusterer.signature(m);
        Instant at = m.eventTime();
        if (!index.covers(at)) {
            widenIndexFor(m);
        }
        String joined = index.best(m.recommendation(), signature, at).orElse(null);
        StoryCluster before = joined == null ? null : stored(joined);
        StoryCluster updated = before == null ? clusterer.start(m) : clusterer.join(before, m);
        Story story = updated.story();
        clusters.put(story.id(), updated);
        written.put(story.id(), updated);
        articleStories.put(articleKey, story.id());
        signatures.put(signatureKey(story.id(), m.article().id()), MinHash.toBytes(signature));

        if (!index.contains(story.id()) && before != null) {
            load(index, updated); // an old story a late article joined: index it again, with its representatives
        }
        index.putStory(story.id(), story.recommendation(), story.firstSeen(), story.lastSeen());
        index.addMember(story.id(), m.article().id(), signature);
        if (before != null) {
            for (String dropped : updated.droppedSince(before)) {
                forgetSignature(story.id(), dropped);
                index.removeMember(story.id(), dropped);
            }
        }
        context.forward(record.withValue(new StoryUpdate(m, story, before == null)));
    }

    /** Deletes by writing null: {@code delete} reads the old value first, a RocksDB get the caller has no use for. */
    private void forgetSignature(String storyId, String articleId) {
        signatures.put(signatureKey(storyId, articleId), null);
    }

    private StoryCluster stored(String storyId) {
        StoryCluster cluster = written.get(storyId);
        return cluster != null ? cluster : clusters.get(storyId);
    }

    /**
     * An article older than the index covers: the index is rebuilt from the stores with a horizon that reaches it.
     * Late articles come in runs (a partition replayed behind the others), so the wider index stays.
     */
    private void widenIndexFor(ArticleMatch m) {
        Duration before = index.horizon();
        long started = System.nanoTime();
        index = rebuildIndex(index.reaching(m.eventTime()));
        LOG.info("story index widened for a late article task={} horizon={} was={} article={} event_time={}"
                        + " stories={} took_ms={}", context.taskId(), index.horizon(), before, m.article().id(),
                m.eventTime(), index.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private void load(StoryIndex into, StoryCluster cluster) {
        Story s = cluster.story();
        into.putStory(s.id(), s.recommendation(), s.firstSeen(), s.lastSeen());
        for (String member : cluster.representatives()) {
            byte[] bytes = signatures.get(signatureKey(s.id(), member));
            if (bytes != null) {
                into.addMember(s.id(), member, MinHash.fromBytes(bytes));
            }
        }
    }

    /**
     * {@code rebuilt} (empty) loaded with the stored stories, newest last so that eviction keeps the recent ones.
     * Stories stored inline by an older version (signatures in the record) are moved to the signature store on the
     * way.
     */
    private StoryIndex rebuildIndex(StoryIndex rebuilt) {
        List<StoryCluster> stored = new ArrayList<>();
        try (KeyValueIterator<String, StoryCluster> it = clusters.all()) {
            it.forEachRemaining(kv -> stored.add(kv.value.legacy() ? migrate(kv.value) : kv.value));
        }
        stored.sort((a, b) -> a.story().lastSeen().compareTo(b.story().lastSeen()));
        stored.forEach(c -> load(rebuilt, c));
        return rebuilt;
    }

    private StoryCluster migrate(StoryCluster legacy) {
        List<String> representatives = new ArrayList<>();
        List<List<Integer>> inline = legacy.legacySignatures();
        for (int i = 0; i < inline.size(); i++) {
            String member = "legacy-" + i;
            representatives.add(member);
            int[] signature = inline.get(i).stream().mapToInt(Integer::intValue).toArray();
            signatures.put(signatureKey(legacy.story().id(), member), MinHash.toBytes(signature));
        }
        StoryCluster migrated = new StoryCluster(legacy.story(), representatives);
        clusters.put(legacy.story().id(), migrated);
        return migrated;
    }

    /**
     * Forgets stories unseen for {@link #RETENTION}, a slice of the store per call (see {@link StoreSweep}), with
     * their signatures. A story lists only some of its articles, so the article entries pointing to forgotten
     * stories are found by a sweep of their own.
     */
    private void forgetOldStories() {
        Instant cutoff = clock.instant().minus(RETENTION);
        for (KeyValue<String, StoryCluster> old : storySweep.sweep((id, c) -> c.story().lastSeen().isBefore(cutoff))) {
            String storyId = old.key;
            old.value.representatives().forEach(member -> forgetSignature(storyId, member));
            written.remove(storyId);
            index.removeStory(storyId);
        }
        Map<String, Boolean> kept = new HashMap<>();
        memberSweep.sweep((articleKey, storyId) -> !kept.computeIfAbsent(storyId, this::storyExists));
    }

    private boolean storyExists(String storyId) {
        return written.containsKey(storyId) || index.contains(storyId) || clusters.get(storyId) != null;
    }
}
