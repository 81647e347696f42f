package org.agendamonitor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.agendamonitor.model.Recommendation;
import org.junit.jupiter.api.Test;

class AgendaSpecLoaderTest {

    /** A minimal valid agenda; {@code %s} slots let each test break one thing. */
    private static String agenda(String meridaId, String usmcaEnQueries, String extraRecommendation) {
        return """
                recommendations:
                  - id: %s
                    title: "Mérida"
                    topics:
                      - id: initiative
                        weight: 2.0
                        queries:
                          en: ['"Merida Initiative"']
                          es: ['"Iniciativa Mérida"']
                  - id: usmca
                    title: "USMCA"
                    topics:
                      - id: agreement
                        weight: 3.0
                        queries:
                          en: %s
                          es: ['"T-MEC"']
                %s""".formatted(meridaId, usmcaEnQueries, extraRecommendation);
    }

    private static final String DEMAND = """
              - id: demand_guns_cash
                title: "Demand, guns and cash"
                topics:
                  - id: overdoses
                    queries:
                      en: [overdose]
                      es: [sobredosis]
                    weight: 2.0
            """;

    @Test
    void shouldLoadTheShippedAgendaWithEveryRecommendation() {
        AgendaSpec spec = AgendaSpecLoader.load(Path.of("config", "agenda.yaml"));

        assertThat(spec.recommendations()).extracting(RecommendationSpec::id)
                .containsExactlyInAnyOrder(Recommendation.values());
        assertThat(spec.title(Recommendation.USMCA)).contains("USMCA");
        assertThat(spec.recommendation(Recommendation.MERIDA).topics()).isNotEmpty()
                .allSatisfy(t -> assertThat(t.queries().en()).isNotEmpty());
    }

    @Test
    void shouldReadAValidAgendaWithDefaults() {
        AgendaSpec spec = AgendaSpecLoader.parse(agenda("merida", "[USMCA]", DEMAND), "test.yaml");

        RecommendationSpec usmca = spec.recommendation(Recommendation.USMCA);
        assertThat(usmca.topics()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("agreement");
            assertThat(t.weight()).isEqualTo(3.0);
            assertThat(t.queries().en()).containsExactly("USMCA");
            assertThat(t.queries().es()).containsExactly("\"T-MEC\"");
        });
        assertThat(usmca.minScore()).isEqualTo(1.0);
        assertThat(usmca.alerts().enabled()).isTrue();
        assertThat(usmca.alerts().window()).isEqualTo(Duration.ofMinutes(60));
        assertThat(spec.recommendation(Recommendation.DEMAND_GUNS_CASH).alerts().enabled())
                .as("demand_guns_cash does not alert unless told to").isFalse();
    }

    @Test
    void shouldNameRecommendationTopicAndLineWhenAQueryDoesNotParse() {
        String yaml = agenda("merida", "['USMCA AND (tariffs']", DEMAND);

        assertThatThrownBy(() -> AgendaSpecLoader.parse(yaml, "agenda.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("agenda.yaml:16: recommendation usmca, topic agreement: query en 'USMCA AND (tariffs' does not parse");
    }

    @Test
    void shouldReportATopicWithoutAQueryInOneLanguage() {
        String yaml = agenda("merida", "[]", DEMAND);

        assertThatThrownBy(() -> AgendaSpecLoader.parse(yaml, "agenda.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("agenda.yaml:16: recommendation usmca, topic agreement: no en query");
    }

    @Test
    void shouldRejectAnUnknownRecommendationId() {
        String yaml = agenda("meridaa", "[USMCA]", DEMAND);

        assertThatThrownBy(() -> AgendaSpecLoader.parse(yaml, "agenda.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("agenda.yaml:2: unknown recommendation id 'meridaa'");
    }

    @Test
    void shouldReportAMissingRecommendation() {
        String yaml = agenda("merida", "[USMCA]", "");

        assertThatThrownBy(() -> AgendaSpecLoader.parse(yaml, "agenda.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("recommendation demand_guns_cash is missing");
    }

    @Test
    void shouldReportEveryProblemAtOnceIncludingUnknownKeys() {
        String yaml = agenda("merida", "['\"USMCA']", DEMAND.replace("weight: 2.0", "wieght: 2.0"));

        assertThatThrownBy(() -> AgendaSpecLoader.parse(yaml, "agenda.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(2)
                        .anySatisfy(p -> assertThat(p).contains("topic agreement: query en '\"USMCA' does not parse"))
                        .anySatisfy(p -> assertThat(p).contains("topic overdoses: unknown key 'wieght'")));
    }

    @Test
    void shouldRejectAQueryThatCanMatchNothing() {
        String yaml = agenda("merida", "['-tariffs']", DEMAND);

        assertThatThrownBy(() -> AgendaSpecLoader.parse(yaml, "agenda.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("query en '-tariffs' matches nothing");
    }
}
