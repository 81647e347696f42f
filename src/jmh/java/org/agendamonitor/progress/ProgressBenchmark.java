package org.agendamonitor.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.ArticleMatch;
import org.agendamonitor.model.Direction;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.Recommendation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The progress stage's arithmetic for one match of recent news, what {@code ProgressProcessor} does per match before
 * its stores: the match recorded into a state that holds a full week of hourly buckets (recent news fills them all;
 * the bench's backlog, dated in January, is pruned to nothing), the state marked unpublished, and the hourly volume
 * the breaking-story detector reads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProgressBenchmark {
    private final ProgressCalculator calculator = ProgressCalculator.withoutMilestones();
    private final Instant now = Instant.parse("2026-12-07T12:30:00Z");
    private ProgressState week;
    private List<ArticleMatch> matches;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        matches = new ArrayList<>();
        Direction[] directions = Direction.values();
        // a match every three minutes over the last eight days, English and Spanish
        for (int i = 0; i < 8 * 24 * 20; i++) {
            Instant at = now.minusSeconds(180L * i);
            Article a = new Article("a" + i, "feed", "Outlet", null, "t", "", i % 2 == 0 ? "en" : "es", at, at);
            matches.add(new ArticleMatch(a, new Match(Recommendation.USMCA, 1.0, List.of(), List.of(), List.of(),
                    directions[i % directions.length], null, "")));
        }
        week = ProgressState.empty(Recommendation.USMCA);
        for (int i = 0; i < matches.size(); i++) {
            week = calculator.record(week, matches.get(i), i % 3 == 0, now);
        }
    }

    @Benchmark
    public double recordOneMatch() {
        ArticleMatch m = matches.get(next);
        next = (next + 1) % matches.size();
        ProgressState state = calculator.record(week, m, false, now).withPublishedHour(ProgressState.UNPUBLISHED);
        return calculator.volume(state, m.eventTime()).baselinePerHour() + state.articles();
    }
}
