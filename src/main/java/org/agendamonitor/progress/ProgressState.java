package org.agendamonitor.progress;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.model.Signals;

/**
 * Everything the topology keeps about one recommendation's progress (value of {@code progress-store}, key =
 * recommendation id). Buckets are keyed by epoch hour ({@code epochSecond / 3600}) and epoch day (UTC), by the
 * articles' event time, and pruned to what the formulas read. Immutable: {@link ProgressCalculator} returns new ones.
 *
 * @param articles         distinct matched articles ever
 * @param stories          distinct stories ever
 * @param alerts           alerts raised ever
 * @param signalsTotal     direction signals ever
 * @param milestones       milestone id -> latest event time it was reported
 * @param hours            epoch hour -> bucket, the last {@link ProgressCalculator#HOURS_KEPT} hours
 * @param days             epoch day -> bucket, the last {@link ProgressCalculator#DAYS_KEPT} days
 * @param lastAlertAt      event time of the last alert (cooldown), or null
 * @param publishedHour     epoch hour of the last published snapshot (the punctuator republishes when the hour changes),
 *                          or {@link #UNPUBLISHED} when the state changed since
 */
public record ProgressState(
        Recommendation recommendation,
        long articles,
        long stories,
        long alerts,
        Signals signalsTotal,
        Map<String, Instant> milestones,
        Map<Long, Bucket> hours,
        Map<Long, Bucket> days,
        Instant lastAlertAt,
        long publishedHour) {

    public ProgressState {
        Objects.requireNonNull(recommendation, "recommendation");
        signalsTotal = signalsTotal == null ? Signals.NONE : signalsTotal;
        milestones = milestones == null ? Map.of() : Map.copyOf(milestones);
        hours = sorted(hours);
        days = sorted(days);
    }

    /**
     * An unmodifiable copy that stays navigable, so that {@link ProgressCalculator} can read a range of buckets
     * without walking them all, and copying it again (every {@code with...} does) is linear rather than a tree
     * insertion per bucket.
     */
    private static NavigableMap<Long, Bucket> sorted(Map<Long, Bucket> buckets) {
        return Collections.unmodifiableNavigableMap(buckets == null ? new TreeMap<>() : new TreeMap<>(buckets));
    }

    /** {@link #hours} as the navigable map it is. */
    NavigableMap<Long, Bucket> hourBuckets() {
        return (NavigableMap<Long, Bucket>) hours;
    }

    /** {@link #days} as the navigable map it is. */
    NavigableMap<Long, Bucket> dayBuckets() {
        return (NavigableMap<Long, Bucket>) days;
    }

    /** {@link #publishedHour} of a state whose latest change has no snapshot yet. */
    public static final long UNPUBLISHED = -1;

    public static ProgressState empty(Recommendation recommendation) {
        return new ProgressState(recommendation, 0, 0, 0, Signals.NONE, Map.of(), Map.of(), Map.of(), null,
                UNPUBLISHED);
    }

    /** Whether this state changed since its last published snapshot. */
    public boolean unpublished() {
        return publishedHour == UNPUBLISHED;
    }

    public ProgressState withAlert(Instant at) {
        return new ProgressState(recommendation, articles, stories, alerts + 1, signalsTotal, milestones, hours, days,
                at, publishedHour);
    }

    public ProgressState withPublishedHour(long epochHour) {
        return new ProgressState(recommendation, articles, stories, alerts, signalsTotal, milestones, hours, days,
                lastAlertAt, epochHour);
    }
}
