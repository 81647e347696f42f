package org.agendamonitor.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.ArticleMatch;
import org.agendamonitor.model.DailyCount;
import org.agendamonitor.model.Direction;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.MilestoneSeen;
import org.agendamonitor.model.ProgressSnapshot;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.model.Signals;
import org.junit.jupiter.api.Test;

class ProgressCalculatorTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:30:00Z");
    private final ProgressCalculator calculator = new ProgressCalculator(Map.of(Recommendation.USMCA,
            Map.of("joint-review-concluded", "USMCA joint review concluded")));

    private static ArticleMatch match(String id, String language, Instant at, Direction direction, String milestone) {
        Article a = new Article(id, "feed", "Outlet", null, "t", "", language, at, at);
        return new ArticleMatch(a, new Match(Recommendation.USMCA, 2.0, List.of(), List.of(), List.of(), direction,
                milestone, ""));
    }

    private ProgressState recordAll(List<ArticleMatch> matches) {
        ProgressState s = ProgressState.empty(Recommendation.USMCA);
        for (ArticleMatch m : matches) {
            s = calculator.record(s, m, true, NOW);
        }
        return s;
    }

    @Test
    void shouldScore50WithoutSignalsAndMoveTowardTheDominantDirection() {
        assertThat(ProgressCalculator.score(0, 0)).isEqualTo(50.0);
        assertThat(ProgressCalculator.score(1, 0)).isCloseTo(50 + 50.0 / 6, within(1e-9));
        assertThat(ProgressCalculator.score(0, 1)).isCloseTo(50 - 50.0 / 6, within(1e-9));
        assertThat(ProgressCalculator.score(10, 10)).isEqualTo(50.0);
        assertThat(ProgressCalculator.score(1000, 0)).isLessThan(100).isGreaterThan(99.7);
        assertThat(ProgressCalculator.score(0, 1000)).isGreaterThan(0).isLessThan(0.3);
    }

    @Test
    void shouldDefineMomentumWithABaselineFlooredAtOneArticleADay() {
        assertThat(ProgressCalculator.momentum(0, 0)).isZero();
        assertThat(ProgressCalculator.momentum(1, 0)).isEqualTo(1.0);
        assertThat(ProgressCalculator.momentum(6, 0)).isEqualTo(6.0);
        assertThat(ProgressCalculator.momentum(10, 35)).isEqualTo(2.0);
        assertThat(ProgressCalculator.momentum(2, 3)).isEqualTo(2.0);
    }

    @Test
    void shouldCountTodayTheWeekAndLanguagesByEventTime() {
        ProgressState s = recordAll(List.of(
                match("a", "en", NOW.minusSeconds(600), Direction.ADVANCE, null),
                match("b", "es", NOW.minus(Duration.ofHours(12)), Direction.NEUTRAL, null),
                match("c", "en", NOW.minus(Duration.ofDays(3)), Direction.SETBACK, null),
                match("d", "en", NOW.minus(Duration.ofDays(9)), Direction.ADVANCE, null)));
        ProgressSnapshot p = calculator.snapshot(s, NOW);
        assertThat(p.articles()).isEqualTo(4);
        assertThat(p.stories()).isEqualTo(4);
        assertThat(p.articlesToday()).isEqualTo(2);
        assertThat(p.articlesTodayByLanguage()).isEqualTo(Map.of("en", 1L, "es", 1L));
        assertThat(p.articlesWeek()).isEqualTo(3);
        assertThat(p.articlesWeekByLanguage()).isEqualTo(Map.of("en", 2L, "es", 1L));
        assertThat(p.signals()).isEqualTo(new Signals(2, 1, 1));
        assertThat(p.progressScore()).isCloseTo(50 + 50.0 * (2 - 1) / (2 + 1 + 5), within(1e-9));
        assertThat(p.articlesLast24h()).isEqualTo(2);
        assertThat(p.dailyBaseline()).isCloseTo(1 / 7.0, within(1e-9));
        assertThat(p.momentumRatio()).isEqualTo(2.0);
    }

    @Test
    void shouldGiveFourteenDaysOldestFirstWithZeroDays() {
        ProgressState s = recordAll(List.of(
                match("a", "en", NOW, Direction.NEUTRAL, null),
                match("b", "es", NOW.minus(Duration.ofDays(13)), Direction.NEUTRAL, null),
                match("c", "es", NOW.minus(Duration.ofDays(14)), Direction.NEUTRAL, null)));
        List<DailyCount> daily = calculator.snapshot(s, NOW).daily();
        assertThat(daily).hasSize(14);
        assertThat(daily.get(0)).isEqualTo(new DailyCount("2026-11-15", 1, 1, Map.of("es", 1L)));
        assertThat(daily.get(1)).isEqualTo(new DailyCount("2026-11-16", 0, 0, Map.of()));
        assertThat(daily.get(13)).isEqualTo(new DailyCount("2026-11-28", 1, 1, Map.of("en", 1L)));
        assertThat(calculator.snapshot(s, NOW).hourly()).hasSize(24).last()
                .satisfies(h -> assertThat(h.hour()).isEqualTo(Instant.parse("2026-11-28T12:00:00Z")));
    }

    @Test
    void shouldCompareMomentumAgainstThePreviousSevenDays() {
        ProgressState s = ProgressState.empty(Recommendation.USMCA);
        for (int day = 1; day <= 7; day++) {
            for (int i = 0; i < 2; i++) {
                s = calculator.record(s, match("d" + day + i, "en", NOW.minus(Duration.ofDays(day)).minusSeconds(60),
                        Direction.NEUTRAL, null), true, NOW);
            }
        }
        for (int i = 0; i < 6; i++) {
            s = calculator.record(s, match("n" + i, "en", NOW.minusSeconds(60L * i), Direction.NEUTRAL, null), true,
                    NOW);
        }
        ProgressSnapshot p = calculator.snapshot(s, NOW);
        assertThat(p.articlesLast24h()).isEqualTo(6);
        assertThat(p.dailyBaseline()).isCloseTo(2.0, within(1e-9));
        assertThat(p.momentumRatio()).isEqualTo(3.0);
    }

    @Test
    void shouldMeasureTheHourAgainstTheSevenDayHourlyBaseline() {
        ProgressState s = ProgressState.empty(Recommendation.USMCA);
        for (int i = 0; i < 168; i++) {
            s = calculator.record(s, match("h" + i, "en", NOW.minus(Duration.ofHours(i + 1)), Direction.NEUTRAL,
                    null), true, NOW);
        }
        s = calculator.record(s, match("x", "en", NOW, Direction.NEUTRAL, null), true, NOW);
        HourlyVolume v = calculator.volume(s, NOW);
        assertThat(v.thisHour()).isEqualTo(1);
        assertThat(v.baselinePerHour()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void shouldKeepTheLatestTimeOfEachMilestoneAndListEveryAgendaMilestone() {
        ProgressState s = recordAll(List.of(
                match("a", "en", NOW.minusSeconds(60), Direction.ADVANCE, "joint-review-concluded"),
                match("b", "en", NOW.minusSeconds(3600), Direction.ADVANCE, "joint-review-concluded"),
                match("c", "en", NOW.minusSeconds(30), Direction.ADVANCE, "off-agenda")));
        assertThat(calculator.snapshot(s, NOW).milestones()).containsExactly(
                new MilestoneSeen("joint-review-concluded", "USMCA joint review concluded", NOW.minusSeconds(60)),
                new MilestoneSeen("off-agenda", "off-agenda", NOW.minusSeconds(30)));
        assertThat(calculator.snapshot(ProgressState.empty(Recommendation.USMCA), NOW).milestones())
                .containsExactly(new MilestoneSeen("joint-review-concluded", "USMCA joint review concluded", null));
    }

    @Test
    void shouldPruneBucketsBeyondWhatTheFormulasReadButKeepTotals() {
        ProgressState s = recordAll(List.of(match("old", "en", NOW.minus(Duration.ofDays(60)), Direction.ADVANCE,
                null)));
        assertThat(s.days()).isEmpty();
        assertThat(s.hours()).isEmpty();
        assertThat(s.articles()).isEqualTo(1);
        assertThat(s.signalsTotal()).isEqualTo(new Signals(1, 0, 0));
        assertThat(calculator.snapshot(s, NOW).progressScore()).isEqualTo(50.0);
    }

    @Test
    void shouldKeepExactlyTheHoursAndDaysTheFormulasRead() {
        long nowHour = ProgressCalculator.hourOf(NOW);
        long today = ProgressCalculator.dayOf(NOW);
        Instant oldestKeptHour = Instant.ofEpochSecond((nowHour - ProgressCalculator.HOURS_KEPT + 1) * 3600);
        Instant oldestKeptDay = Instant.ofEpochSecond((today - ProgressCalculator.DAYS_KEPT + 1) * 86_400);
        ProgressState s = recordAll(List.of(
                match("kept-hour", "en", oldestKeptHour, Direction.NEUTRAL, null),
                match("dropped-hour", "en", oldestKeptHour.minusSeconds(1), Direction.NEUTRAL, null),
                match("kept-day", "en", oldestKeptDay, Direction.NEUTRAL, null),
                match("dropped-day", "en", oldestKeptDay.minusSeconds(1), Direction.NEUTRAL, null)));
        assertThat(s.hours()).containsOnlyKeys(nowHour - ProgressCalculator.HOURS_KEPT + 1);
        assertThat(s.days()).containsOnlyKeys(today - ProgressCalculator.DAYS_KEPT + 1,
                ProgressCalculator.dayOf(oldestKeptHour), ProgressCalculator.dayOf(oldestKeptHour.minusSeconds(1)));
        assertThat(s.articles()).isEqualTo(4);
        assertThatThrownBy(() -> s.hours().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldShareTheVoiceOfTheWeekAmongTheThree() {
        assertThat(ProgressCalculator.shareOfVoice(Map.of(Recommendation.USMCA, 3L, Recommendation.MERIDA, 1L)))
                .containsEntry(Recommendation.USMCA, 0.75).containsEntry(Recommendation.MERIDA, 0.25)
                .containsEntry(Recommendation.DEMAND_GUNS_CASH, 0.0);
        assertThat(ProgressCalculator.shareOfVoice(Map.of())).containsEntry(Recommendation.USMCA, 0.0);
    }
}
