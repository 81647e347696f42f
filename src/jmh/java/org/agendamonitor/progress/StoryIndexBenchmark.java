package org.agendamonitor.progress;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.agendamonitor.bench.ArticleGenerator;
import org.agendamonitor.config.AgendaSpecLoader;
import org.agendamonitor.kafka.JsonSerde;
import org.agendamonitor.match.AgendaMatcher;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.ArticleMatch;
import org.agendamonitor.model.Match;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The story stage's per-match work on the matches of 100,000 generated items, clustered in order: the signature of an
 * article, finding its story in an index holding the stories of the last days, the story record's JSON, and the
 * whole in-memory step (signature, lookup, join, record, index upkeep) over a replay from an empty index. What the
 * stage costs beyond these, its stores and their changelogs, is what {@code bench --stage-costs} adds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StoryIndexBenchmark {
    /** Matches clustered per call of {@link #clusterReplay} (100,000 items give about 22,000). */
    static final int REPLAY = 20_000;

    private final StoryClusterer clusterer = StoryClusterer.defaults();
    private final JsonSerde<StoryCluster> recordSerde = JsonSerde.of(StoryCluster.class);
    private List<ArticleMatch> matches;
    private StoryIndex index;
    private List<ArticleMatch> probes;
    private List<int[]> signatures;
    private List<StoryCluster> probeStories;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        matches = new ArrayList<>();
        try (AgendaMatcher matcher = new AgendaMatcher(AgendaSpecLoader.load(Path.of("config", "agenda.yaml")))) {
            ArticleGenerator generator = ArticleGenerator.withDefaults();
            Instant fetched = Instant.parse("2026-06-01T12:00:00Z");
            for (int i = 0; i < 100_000; i++) {
                Article a = generator.article(i, fetched);
                for (Match m : matcher.match(a)) {
                    matches.add(new ArticleMatch(a, m));
                }
            }
        }
        if (matches.size() < REPLAY) {
            throw new IllegalStateException("the replay needs " + REPLAY + " matches, got " + matches.size());
        }
        index = clusterer.newIndex();
        Map<String, StoryCluster> stories = new HashMap<>();
        int warm = matches.size() - 2_000;
        matches.subList(0, warm).forEach(m -> cluster(m, index, stories, false));
        probes = matches.subList(warm, matches.size());
        signatures = probes.stream().map(m -> StoryClusterer.signatureOf(m.article())).toList();
        // the story each probe would join (or start), as the stage writes it once the probe has joined
        probeStories = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            ArticleMatch m = probes.get(i);
            StoryCluster before = index.best(m.recommendation(), signatures.get(i), m.eventTime())
                    .map(stories::get).orElse(null);
            probeStories.add(before == null ? clusterer.start(m) : clusterer.join(before, m));
        }
    }

    /**
     * One match through the story stage's in-memory work, as {@code StoryClusterProcessor} does it with its stores
     * replaced by a map: returns the story's id.
     */
    private String cluster(ArticleMatch m, StoryIndex into, Map<String, StoryCluster> stories, boolean writeRecord) {
        int[] signature = StoryClusterer.signatureOf(m.article());
        StoryCluster before = into.best(m.recommendation(), signature, m.eventTime()).map(stories::get).orElse(null);
        StoryCluster after = before == null ? clusterer.start(m) : clusterer.join(before, m);
        String id = after.story().id();
        stories.put(id, after);
        if (writeRecord) {
            recordSerde.toBytes(after);
        }
        into.putStory(id, m.recommendation(), after.story().firstSeen(), after.story().lastSeen());
        into.addMember(id, m.article().id(), signature);
        if (before != null) {
            after.droppedSince(before).forEach(r -> into.removeMember(id, r));
        }
        return id;
    }

    @Benchmark
    public Optional<String> findStory() {
        int i = next++ % probes.size();
        ArticleMatch m = probes.get(i);
        return index.best(m.recommendation(), signatures.get(i), m.eventTime());
    }

    @Benchmark
    public int[] signature() {
        return StoryClusterer.signatureOf(probes.get(next++ % probes.size()).article());
    }

    /** The record the stage writes to {@code story-clusters-store} for every match. */
    @Benchmark
    public byte[] storyRecord() {
        return recordSerde.toBytes(probeStories.get(next++ % probeStories.size()));
    }

    /** The first {@link #REPLAY} matches from an empty index; the score is per match. */
    @Benchmark
    @OperationsPerInvocation(REPLAY)
    public int clusterReplay() {
        StoryIndex replayed = clusterer.newIndex();
        Map<String, StoryCluster> stories = new HashMap<>();
        for (ArticleMatch m : matches.subList(0, REPLAY)) {
            cluster(m, replayed, stories, true);
        }
        return stories.size();
    }
}
