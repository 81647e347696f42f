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
import org.agendamonitor.match.AgendaMatcher;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.ArticleMatch;
import org.agendamonitor.model.Match;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The story stage's per-match work on the matches of 100,000 generated items, clustered in order: the signature of an
 * article, and finding its story in an index holding the stories of the last days.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StoryIndexBenchmark {
    private final StoryClusterer clusterer = StoryClusterer.defaults();
    private StoryIndex index;
    private List<ArticleMatch> probes;
    private List<int[]> signatures;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        List<ArticleMatch> matches = new ArrayList<>();
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
        index = clusterer.newIndex();
        Map<String, StoryCluster> stories = new HashMap<>();
        int warm = matches.size() - 2_000;
        for (ArticleMatch m : matches.subList(0, warm)) {
            int[] signature = clusterer.signature(m.article());
            Optional<String> best = index.best(m.recommendation(), signature, m.eventTime());
            StoryCluster before = best.map(stories::get).orElse(null);
            StoryCluster after = before == null ? clusterer.start(m) : clusterer.join(before, m);
            String id = after.story().id();
            stories.put(id, after);
            index.putStory(id, m.recommendation(), after.story().firstSeen(), after.story().lastSeen());
            index.addMember(id, m.article().id(), signature);
            if (before != null) {
                before.representatives().stream().filter(r -> !after.representatives().contains(r))
                        .forEach(r -> index.removeMember(id, r));
            }
        }
        probes = matches.subList(warm, matches.size());
        signatures = probes.stream().map(m -> clusterer.signature(m.article())).toList();
    }

    @Benchmark
    public Optional<String> findStory() {
        int i = next++ % probes.size();
        ArticleMatch m = probes.get(i);
        return index.best(m.recommendation(), signatures.get(i), m.eventTime());
    }

    @Benchmark
    public int[] signature() {
        return clusterer.signature(probes.get(next++ % probes.size()).article());
    }
}
