package org.agendamonitor.match;

import static org.agendamonitor.model.Recommendation.DEMAND_GUNS_CASH;
import static org.agendamonitor.model.Recommendation.MERIDA;
import static org.agendamonitor.model.Recommendation.USMCA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agendamonitor.model.Recommendation;
import org.junit.jupiter.api.Test;

class EvalReportTest {
    private static EvalItem item(String id, String lang, Recommendation... labels) {
        return new EvalItem(id, lang, "t", "s", Set.of(labels));
    }

    private static final List<EvalItem> ITEMS = List.of(
            item("a", "en", MERIDA), item("b", "en", MERIDA, DEMAND_GUNS_CASH), item("c", "es", USMCA),
            item("d", "es"), item("e", "en", USMCA));
    private static final Map<String, Set<Recommendation>> PREDICTED = Map.of(
            "a", Set.of(MERIDA), "b", Set.of(MERIDA), "c", Set.of(USMCA), "d", Set.of(MERIDA), "e", Set.of(USMCA));

    private final EvalReport report = EvalReport.of(ITEMS, i -> PREDICTED.get(i.id()));

    @Test
    void shouldCountTruePositivesFalsePositivesAndFalseNegatives() {
        assertThat(report.scores(MERIDA, null)).isEqualTo(new EvalScores(2, 1, 0));
        assertThat(report.scores(DEMAND_GUNS_CASH, null)).isEqualTo(new EvalScores(0, 0, 1));
        assertThat(report.scores(MERIDA, "es")).isEqualTo(new EvalScores(0, 1, 0));
    }

    @Test
    void shouldComputePrecisionRecallF1AndMacroAverage() {
        EvalScores merida = report.scores(MERIDA, null);
        assertThat(merida.precision()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(merida.recall()).isEqualTo(1.0);
        assertThat(merida.f1()).isCloseTo(0.8, within(1e-9));
        assertThat(report.scores(DEMAND_GUNS_CASH, null).f1()).isZero();
        assertThat(report.macroF1(null)).isCloseTo((0.8 + 0.0 + 1.0) / 3, within(1e-9));
    }

    @Test
    void shouldListEveryMistakeInFileOrder() {
        assertThat(report.errors()).extracting(e -> e.item().id() + ":" + e.recommendation().id() + ":" + e.falsePositive())
                .containsExactly("b:demand_guns_cash:false", "d:merida:true");
    }
}
