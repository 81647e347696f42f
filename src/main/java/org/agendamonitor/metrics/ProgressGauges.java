package org.agendamonitor.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.agendamonitor.model.Direction;
import org.agendamonitor.model.MilestoneSeen;
import org.agendamonitor.model.ProgressSnapshot;
import org.agendamonitor.model.Recommendation;

/**
 * Registers the progress meters of the contract (score, momentum, signals, milestone last seen, alerts) over the
 * topology's progress state, read through {@code snapshots} (the read model over {@code progress-store}), so they are
 * exact under exactly-once and right again immediately after a restart.
 *
 * <p>Several instances: a recommendation's state lives on exactly one instance (its progress-store partition), and
 * each instance reports only the recommendations it hosts; the others read NaN (aggregate with
 * {@code max by (recommendation)}). While the stores cannot be read (rebalancing, starting) a meter keeps its last
 * value, NaN before the first read, never a 0 that would look like a counter reset to {@code increase()}.
 *
 * <p>One scrape, one snapshot: the stores are read at most once per {@link #CACHE_FOR}, and the {@code /metrics}
 * route calls {@link #refresh()} before it scrapes. Without that, a scrape that began just before the cache ran out
 * showed its first gauges from the old snapshot and the rest from the new one: the alert counter of a story's third
 * article beside the momentum of its second, a pair no state of the pipeline ever had.
 */
public final class ProgressGauges {
    static final Duration CACHE_FOR = StoreReading.CACHE_FOR;

    private final StoreReading<Recommendation, ProgressSnapshot> snapshots;

    public ProgressGauges(Supplier<Map<Recommendation, ProgressSnapshot>> snapshots, Clock clock) {
        this.snapshots = new StoreReading<>(snapshots, StoreReading.Missing.FORGET, clock);
    }

    /** @param milestones per recommendation, the milestone ids of the agenda (bounded tag values) */
    public void bindTo(AgendaMetrics metrics, Map<Recommendation, List<String>> milestones) {
        for (Recommendation r : Recommendation.values()) {
            metrics.progressScoreFrom(r, () -> value(r, ProgressSnapshot::progressScore));
            metrics.momentumRatioFrom(r, () -> value(r, ProgressSnapshot::momentumRatio));
            for (Direction d : Direction.values()) {
                metrics.signalsFrom(r, d.id(), () -> value(r, p -> p.signalsTotal().of(d)));
            }
            metrics.alertsFrom(r, () -> value(r, ProgressSnapshot::alerts));
            for (String milestone : milestones.getOrDefault(r, List.of())) {
                metrics.milestoneLastSeenFrom(r, milestone, () -> value(r, p -> lastSeen(p, milestone)));
            }
        }
    }

    /** The snapshot's value, NaN when no snapshot of the recommendation was ever read here. */
    double value(Recommendation r, ToDoubleFunction<ProgressSnapshot> field) {
        ProgressSnapshot p = snapshots.get(r);
        return p == null ? Double.NaN : field.applyAsDouble(p);
    }

    /** Reads the stores now, so that the gauges read next (within {@link #CACHE_FOR}) all show this one snapshot. */
    public void refresh() {
        snapshots.refresh();
    }

    private static double lastSeen(ProgressSnapshot p, String milestone) {
        return p.milestones().stream().filter(m -> m.id().equals(milestone) && m.lastSeen() != null)
                .map(MilestoneSeen::lastSeen).mapToDouble(t -> t.toEpochMilli() / 1000.0).findFirst()
                .orElse(Double.NaN);
    }
}
