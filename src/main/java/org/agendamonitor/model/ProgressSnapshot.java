package org.agendamonitor.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one recommendation is moving, as of {@code computedAt} ({@code agenda.progress.v1}, key = recommendation id;
 * the progress fields of {@code /api/recommendations}). JSON names are snake_case, as the API contract has them.
 * "Today" is the UTC calendar day of {@code computedAt}; "week" the last 7 UTC days including today. Formulas in
 * {@code progress.ProgressCalculator} and the README.
 *
 * @param progressScore           0-100 from advance vs setback signals of the last 30 days (50 = balanced or none)
 * @param momentumRatio           articles in the last 24 h over the daily average of the 7 days before (floored at 1)
 * @param articles                distinct matched articles ever
 * @param stories                 distinct stories ever
 * @param articlesLast24h         matched articles in the 24 h up to {@code computedAt}
 * @param dailyBaseline           average matched articles per day in the 7 days before the last 24 h
 * @param signals                 direction signals in the score's 30-day window
 * @param signalsTotal            direction signals ever
 * @param milestones              every milestone of the agenda with when it was last reported
 * @param daily                   14 UTC days, oldest first, today last
 * @param hourly                  24 UTC hours, oldest first, the current hour last
 * @param alerts                  breaking-story alerts raised ever
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProgressSnapshot(
        Recommendation recommendation,
        Instant computedAt,
        double progressScore,
        double momentumRatio,
        long articles,
        long stories,
        long articlesToday,
        long articlesWeek,
        Map<String, Long> articlesTodayByLanguage,
        Map<String, Long> articlesWeekByLanguage,
        long storiesToday,
        long storiesWeek,
        long articlesLast24h,
        double dailyBaseline,
        Signals signals,
        Signals signalsTotal,
        List<MilestoneSeen> milestones,
        List<DailyCount> daily,
        List<HourlyCount> hourly,
        long alerts) {

    public ProgressSnapshot {
        Objects.requireNonNull(recommendation, "recommendation");
        Objects.requireNonNull(computedAt, "computedAt");
        articlesTodayByLanguage = articlesTodayByLanguage == null ? Map.of() : Map.copyOf(articlesTodayByLanguage);
        articlesWeekByLanguage = articlesWeekByLanguage == null ? Map.of() : Map.copyOf(articlesWeekByLanguage);
        signals = signals == null ? Signals.NONE : signals;
        signalsTotal = signalsTotal == null ? Signals.NONE : signalsTotal;
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        daily = daily == null ? List.of() : List.copyOf(daily);
        hourly = hourly == null ? List.of() : List.copyOf(hourly);
    }
}
