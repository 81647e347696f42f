package org.agendamonitor.match;

import java.util.List;
import org.agendamonitor.config.AgendaSpec;
import org.agendamonitor.config.AgendaTopic;
import org.agendamonitor.config.AlertRule;
import org.agendamonitor.config.DirectionCues;
import org.agendamonitor.config.LanguageQueries;
import org.agendamonitor.config.RecommendationSpec;
import org.agendamonitor.model.Recommendation;

/**
 * The naive approach we compare against: one Google-Alerts-style keyword list per recommendation ("USMCA OR T-MEC OR
 * CUSMA"), the same list for every language, any hit is a match, no context and no exclusions. It runs through the
 * same {@link AgendaMatcher} and analyzers, so the comparison isolates the agenda's rules.
 */
public final class KeywordBaseline {
    private static final String MERIDA = "\"Mérida Initiative\" OR \"Iniciativa Mérida\" OR \"Bicentennial Framework\""
            + " OR \"Entendimiento Bicentenario\"";
    private static final String DEMAND_GUNS_CASH = "fentanyl OR fentanilo OR overdose OR sobredosis OR \"gun trafficking\""
            + " OR \"tráfico de armas\" OR \"money laundering\" OR \"lavado de dinero\"";
    private static final String USMCA = "USMCA OR \"T-MEC\" OR TMEC OR CUSMA";

    private KeywordBaseline() {
    }

    /** The baseline as an agenda, so it can be matched and evaluated like the real one. */
    public static AgendaSpec spec() {
        return new AgendaSpec(List.of(
                recommendation(Recommendation.MERIDA, MERIDA),
                recommendation(Recommendation.DEMAND_GUNS_CASH, DEMAND_GUNS_CASH),
                recommendation(Recommendation.USMCA, USMCA)));
    }

    private static RecommendationSpec recommendation(Recommendation id, String keywords) {
        LanguageQueries queries = new LanguageQueries(List.of(keywords), List.of(keywords));
        return new RecommendationSpec(id, id.id() + " (keyword baseline)", "", 1.0, 1.0,
                List.of(new AgendaTopic("keywords", "keywords", 1.0, queries)), LanguageQueries.NONE,
                DirectionCues.NONE, List.of(), AlertRule.defaults(false));
    }
}
