package org.agendamonitor.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.agendamonitor.model.ArticleMatch;
import org.agendamonitor.model.DailyCount;
import org.agendamonitor.model.Direction;
import org.agendamonitor.model.HourlyCount;
import org.agendamonitor.model.MilestoneSeen;
import org.agendamonitor.model.ProgressSnapshot;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.model.Signals;

/**
 * Progress arithmetic, as plain functions over {@link ProgressState} with an explicit "now" (the topology passes its
 * clock; tests pass fixed instants). All windows are UTC and use the articles' event time for bucketing.
 *
 * <ul>
 *   <li><b>Progress score</b> (0-100) over the last {@value #SCORE_DAYS} UTC days:
 *       {@code 50 + 50 * (advance - setback) / (advance + setback + K)} with {@code K = }{@value #SCORE_K}. 50 means
 *       balanced or no signal; K damps the first few signals (one advance gives 58.3, not 100).</li>
 *   <li><b>Momentum</b>: matched articles in the last 24 h divided by the daily average of the 7 days before them,
 *       the average floored at 1 article a day: {@code last24h / max(prev7days / 7, 1)}. So a silent week followed
 *       by one article reads 1.0 (not infinity), and nothing at all reads 0.</li>
 *   <li><b>Share of voice</b>: a recommendation's matched articles of the last 7 days over those of all three
 *       (0 for each when there are none). Computed where all three snapshots meet (the API), not in one task.</li>
 * </ul>
 */
public final class ProgressCalculator {
    public static final int SCORE_DAYS = 30;
    public static final double SCORE_K = 5.0;
    public static final double MOMENTUM_BASELINE_FLOOR = 1.0;
    /** 24 h of momentum + 7 days of baseline + the hour under way. */
    public static final int HOURS_KEPT = 24 * 8 + 1;
    public static final int DAYS_KEPT = SCORE_DAYS + 5;
    public static final int DAILY_SERIES_DAYS = 14;
    public static final int HOURLY_SERIES_HOURS = 24;
    private static final int SECONDS_PER_HOUR = 3600;

    private final Map<Recommendation, Map<String, String>> milestoneLabels;

    /** @param milestoneLabels per recommendation, milestone id -> label, in agenda order */
    public ProgressCalculator(Map<Recommendation, Map<String, String>> milestoneLabels) {
        this.milestoneLabels = new EnumMap<>(Recommendation.class);
        Objects.requireNonNull(milestoneLabels, "milestoneLabels")
                .forEach((r, labels) -> this.milestoneLabels.put(r, new LinkedHashMap<>(labels)));
    }

    public static ProgressCalculator withoutMilestones() {
        return new ProgressCalculator(Map.of());
    }

    /** Adds one matched article (new to this recommendation) to the state. */
    public ProgressState record(ProgressState s, ArticleMatch m, boolean newStory, Instant now) {
        Instant at = m.eventTime();
        String language = m.article().language();
        Direction direction = m.match().direction();
        NavigableMap<Long, Bucket> hours = new TreeMap<>(s.hourBuckets());
        NavigableMap<Long, Bucket> days = new TreeMap<>(s.dayBuckets());
        hours.compute(hourOf(at), (hour, b) -> (b == null ? Bucket.EMPTY : b).plus(language, direction, newStory));
        days.compute(dayOf(at), (day, b) -> (b == null ? Bucket.EMPTY : b).plus(language, direction, newStory));
        dropExpired(hours, days, now);
        Map<String, Instant> milestones = s.milestones();
        if (m.match().milestone() != null) {
            milestones = new TreeMap<>(milestones);
            milestones.merge(m.match().milestone(), at, (a, b) -> a.isAfter(b) ? a : b);
        }
        return new ProgressState(s.recommendation(), s.articles() + 1, s.stories() + (newStory ? 1 : 0),
                s.alerts(), s.signalsTotal().plus(direction), milestones, hours, days, s.lastAlertAt(),
                s.publishedHour());
    }

    /** Drops buckets older than the formulas read (relative to now; late articles beyond them only count in totals). */
    public ProgressState prune(ProgressState s, Instant now) {
        NavigableMap<Long, Bucket> hours = new TreeMap<>(s.hourBuckets());
        NavigableMap<Long, Bucket> days = new TreeMap<>(s.dayBuckets());
        dropExpired(hours, days, now);
        return new ProgressState(s.recommendation(), s.articles(), s.stories(), s.alerts(), s.signalsTotal(),
                s.milestones(), hours, days, s.lastAlertAt(), s.publishedHour());
    }

    private static void dropExpired(NavigableMap<Long, Bucket> hours, NavigableMap<Long, Bucket> days, Instant now) {
        hours.headMap(hourOf(now) - HOURS_KEPT + 1, false).clear();
        days.headMap(dayOf(now) - DAYS_KEPT + 1, false).clear();
    }

    public ProgressSnapshot snapshot(ProgressState s, Instant now) {
        long today = dayOf(now);
        long nowHour = hourOf(now);
        Bucket todayBucket = sumDays(s, today, today);
        Bucket week = sumDays(s, today - 6, today);
        Signals window = sumDays(s, today - SCORE_DAYS + 1, today).signals();
        long last24h = articlesInHours(s, nowHour - 23, nowHour);
        long prev7 = articlesInHours(s, nowHour - 24 - 7 * 24 + 1, nowHour - 24);
        return new ProgressSnapshot(s.recommendation(), now, score(window.advance(), window.setback()),
                momentum(last24h, prev7), s.articles(), s.stories(), todayBucket.articles(), week.articles(),
                todayBucket.byLanguage(), week.byLanguage(), todayBucket.stories(), week.stories(), last24h,
                prev7 / 7.0, window, s.signalsTotal(), milestones(s), daily(s, today), hourly(s, nowHour),
                s.alerts());
    }

    /** Articles in the hour of {@code at} and the hourly average over the 168 hours before that hour. */
    public HourlyVolume volume(ProgressState s, Instant at) {
        long hour = hourOf(at);
        long before = articlesInHours(s, hour - 7 * 24, hour - 1);
        return new HourlyVolume(articlesInHours(s, hour, hour), before / (7.0 * 24));
    }

    public static double score(long advance, long setback) {
        return 50.0 + 50.0 * (advance - setback) / (advance + setback + SCORE_K);
    }

    public static double momentum(long last24h, long previous7Days) {
        return last24h / Math.max(previous7Days / 7.0, MOMENTUM_BASELINE_FLOOR);
    }

    /** Each recommendation's part of the matched articles of the week (0 for all when there are none). */
    public static Map<Recommendation, Double> shareOfVoice(Map<Recommendation, Long> weekArticles) {
        long total = weekArticles.values().stream().mapToLong(Long::longValue).sum();
        Map<Recommendation, Double> shares = new EnumMap<>(Recommendation.class);
        for (Recommendation r : Recommendation.values()) {
            shares.put(r, total == 0 ? 0.0 : weekArticles.getOrDefault(r, 0L) / (double) total);
        }
        return shares;
    }

    public static long hourOf(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), SECONDS_PER_HOUR);
    }

    public static long dayOf(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), 24L * SECONDS_PER_HOUR);
    }

    private List<MilestoneSeen> milestones(ProgressState s) {
        Map<String, String> labels = milestoneLabels.getOrDefault(s.recommendation(), Map.of());
        List<MilestoneSeen> seen = new ArrayList<>();
        labels.forEach((id, label) -> seen.add(new MilestoneSeen(id, label, s.milestones().get(id))));
        s.milestones().forEach((id, at) -> {
            if (!labels.containsKey(id)) {
                seen.add(new MilestoneSeen(id, id, at));
            }
        });
        return seen;
    }

    private static List<DailyCount> daily(ProgressState s, long today) {
        List<DailyCount> series = new ArrayList<>(DAILY_SERIES_DAYS);
        for (long d = today - DAILY_SERIES_DAYS + 1; d <= today; d++) {
            Bucket b = s.days().getOrDefault(d, Bucket.EMPTY);
            series.add(new DailyCount(LocalDate.ofEpochDay(d).toString(), b.articles(), b.stories(), b.byLanguage()));
        }
        return series;
    }

    private static List<HourlyCount> hourly(ProgressState s, long nowHour) {
        List<HourlyCount> series = new ArrayList<>(HOURLY_SERIES_HOURS);
        for (long h = nowHour - HOURLY_SERIES_HOURS + 1; h <= nowHour; h++) {
            Bucket b = s.hours().getOrDefault(h, Bucket.EMPTY);
            series.add(new HourlyCount(Instant.ofEpochSecond(h * SECONDS_PER_HOUR), b.articles(), b.stories()));
        }
        return series;
    }

    private static Bucket sumDays(ProgressState s, long from, long to) {
        return sum(s.dayBuckets(), from, to);
    }

    /** Only the articles: what the hourly figures read, without adding up languages and signals for them. */
    private static long articlesInHours(ProgressState s, long from, long to) {
        if (from > to) {
            return 0;
        }
        long articles = 0;
        for (Bucket b : s.hourBuckets().subMap(from, true, to, true).values()) {
            articles += b.articles();
        }
        return articles;
    }

    private static Bucket sum(NavigableMap<Long, Bucket> buckets, long from, long to) {
        return from > to ? Bucket.EMPTY : Bucket.sum(buckets.subMap(from, true, to, true).values());
    }
}
