package org.agendamonitor.match;

import static org.agendamonitor.model.Recommendation.DEMAND_GUNS_CASH;
import static org.agendamonitor.model.Recommendation.MERIDA;
import static org.agendamonitor.model.Recommendation.USMCA;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.agendamonitor.config.AgendaSpecLoader;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.Direction;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.model.TermHit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule of the shipped {@code config/agenda.yaml} does what the file says (articles written for the test). */
class AgendaMatcherTest {
    private static AgendaMatcher matcher;

    @BeforeAll
    static void loadAgenda() {
        matcher = new AgendaMatcher(AgendaSpecLoader.load(Path.of("config", "agenda.yaml")));
    }

    @AfterAll
    static void close() {
        matcher.close();
    }

    static Article article(String lang, String title, String summary) {
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        return new Article("a1", "test-feed", "Test", null, title, summary, lang, t, t);
    }

    static Set<Recommendation> recommendations(Article article) {
        Set<Recommendation> out = EnumSet.noneOf(Recommendation.class);
        matcher.match(article).forEach(m -> out.add(m.recommendation()));
        return out;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // rule, lang, title, summary, expected recommendations
                Arguments.of("accent folding: Merida without accent", "es", "Balance de la Iniciativa Merida",
                        "El Congreso revisa los fondos del programa.", Set.of(MERIDA)),
                Arguments.of("accent folding: trafico without accent", "es", "Crece el trafico de armas",
                        "Autoridades de ambos países discuten el problema.", Set.of(DEMAND_GUNS_CASH)),
                Arguments.of("stemming: traficantes de armas", "es", "Detienen a traficantes de armas en Sonora",
                        "Eran parte de una red que cruzaba rifles.", Set.of(DEMAND_GUNS_CASH)),
                Arguments.of("stemming: laundered matches launder", "en", "Broker laundered millions",
                        "Prosecutors say the money belonged to the Sinaloa cartel.", Set.of(DEMAND_GUNS_CASH)),
                Arguments.of("stemming: aranceles plural in the title", "es", "Nuevos aranceles a productos mexicanos",
                        "Washington anunció la medida el lunes.", Set.of(USMCA)),
                Arguments.of("Spanish vocabulary: T-MEC", "es", "Empresarios piden certidumbre",
                        "La revisión del T-MEC preocupa a los exportadores.", Set.of(USMCA)),
                Arguments.of("Canadian vocabulary: CUSMA", "en", "Ottawa prepares its CUSMA position",
                        "Officials met industry groups.", Set.of(USMCA)),
                Arguments.of("Spanish vocabulary: extinción de dominio", "es", "Aplican extinción de dominio a bienes",
                        "La Fiscalía aseguró propiedades de un grupo criminal.", Set.of(MERIDA)),
                Arguments.of("Spanish vocabulary: sobredosis", "es", "Bajan las muertes por sobredosis en EU",
                        "Los CDC reportan una caída.", Set.of(DEMAND_GUNS_CASH)),
                Arguments.of("exclusion: Mérida, Yucatán tourism", "es", "Mérida recibe a miles de turistas",
                        "La capital yucateca destaca por su seguridad y su oferta de turismo.", Set.of()),
                Arguments.of("exclusion: Mérida, Spain theatre", "es", "Festival de Teatro Clásico de Mérida",
                        "El Teatro Romano llena sus funciones en Extremadura.", Set.of()),
                Arguments.of("exclusion does not veto the Initiative", "en", "Merida Initiative funds training",
                        "The program trains police in Yucatan and other states.", Set.of(MERIDA)),
                Arguments.of("US gun politics without Mexico angle", "en", "Senate passes gun bill",
                        "The bill expands background checks and cracks down on straw purchases after mass shootings.",
                        Set.of()),
                Arguments.of("gun trafficking with a Mexico angle", "en", "Straw buyers charged",
                        "ATF says the straw purchasers sent rifles to a cartel in Mexico.", Set.of(DEMAND_GUNS_CASH)),
                Arguments.of("celebrity drug arrest", "en", "Actor arrested for cocaine possession",
                        "The star was detained at the airport.", Set.of()),
                Arguments.of("fentanyl seizure without cooperation angle", "en", "Agents seize fentanyl pills at Nogales",
                        "CBP found 1 million pills hidden in a truck.", Set.of()),
                Arguments.of("trade news without USMCA angle", "en", "EU imposes tariffs on Chinese electric vehicles",
                        "China calls the duties protectionist.", Set.of()),
                Arguments.of("tariffs justified by fentanyl are not demand policy", "en", "Trump imposes tariffs on Mexico",
                        "The White House cited fentanyl overdose deaths.", Set.of(USMCA)),
                Arguments.of("kingpin extradition", "en", "Cartel boss extradited to the United States",
                        "Mexico sent the Sinaloa leader to face charges in New York.", Set.of(MERIDA)),
                Arguments.of("cartel sanctions with laundering: both", "en", "Treasury sanctions Sinaloa cartel network",
                        "OFAC said the network laundered drug proceeds through Mexican companies.",
                        Set.of(MERIDA, DEMAND_GUNS_CASH)),
                Arguments.of("unknown language runs both languages", "und", "La revisión del T-MEC",
                        "Reunión en Washington.", Set.of(USMCA)),
                Arguments.of("language routing: Spanish queries do not run on English", "en",
                        "Festival celebrates cooperación", "Tourists enjoy the reforma judicial exhibit.", Set.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldMatchWhatTheAgendaSays(String rule, String lang, String title, String summary, Set<Recommendation> want) {
        assertThat(recommendations(article(lang, title, summary))).as(rule).isEqualTo(want);
    }

    @Test
    void shouldReportHitOffsetsInTheOriginalText() {
        String title = "Senado aprueba el T-MEC";
        String summary = "Tras la votación, el tratado (T‑MEC o USMCA) entra en vigor.";
        Match match = matcher.match(article("es", title, summary)).get(0);

        assertThat(match.hits()).contains(new TermHit("title", 18, 23, "T-MEC"));
        assertThat(match.hits()).allSatisfy(h -> assertThat(
                (h.field().equals("title") ? title : summary).substring(h.start(), h.end())).isEqualTo(h.text()));
        assertThat(match.terms()).contains("T-MEC", "USMCA");
        assertThat(match.topics()).containsExactly("agreement");
    }

    @Test
    void shouldWeighTitleHitsMoreThanSummaryHits() {
        double inTitle = matcher.match(article("en", "USMCA talks", "Negotiators met.")).get(0).score();
        double inSummary = matcher.match(article("en", "Trade talks", "Negotiators discussed the USMCA.")).get(0).score();

        assertThat(inTitle).isGreaterThan(inSummary);
    }

    @Test
    void shouldReadDirectionFromCues() {
        assertThat(direction("Senate ratifies USMCA", "Lawmakers approved it.")).isEqualTo(Direction.ADVANCE);
        assertThat(direction("Trump threatens to withdraw from USMCA", "Mexico responds.")).isEqualTo(Direction.SETBACK);
        assertThat(direction("USMCA: ratification amid threat to withdraw", "")).isEqualTo(Direction.NEUTRAL);
        assertThat(direction("USMCA explained", "What the agreement covers.")).isEqualTo(Direction.NEUTRAL);
    }

    private static Direction direction(String title, String summary) {
        return matcher.match(article("en", title, summary)).get(0).direction();
    }

    @Test
    void shouldReportTheFirstMilestoneThatFired() {
        Match concluded = matcher.match(article("en", "USMCA joint review concluded",
                "The three countries extended the agreement for 16 years.")).get(0);
        Match none = matcher.match(article("en", "USMCA explained", "What it covers.")).get(0);

        assertThat(concluded.milestone()).isEqualTo("joint-review-concluded");
        assertThat(none.milestone()).isNull();
    }

    @Test
    void shouldExplainAVetoEvenWhenNothingMatches() {
        MatchExplanation explanation = matcher.explain(article("es", "Mérida, Yucatán, capital del turismo",
                "La alcaldesa de Mérida presentó el festival."));

        assertThat(explanation.matches()).isEmpty();
        RecommendationVerdict merida = explanation.verdicts().stream()
                .filter(v -> v.recommendation() == MERIDA).findFirst().orElseThrow();
        assertThat(merida.vetoed()).isTrue();
        assertThat(merida.fired()).anySatisfy(f -> assertThat(f.kind()).isEqualTo(QueryKind.EXCLUSION));
        assertThat(explanation.render()).contains("vetoed", "exclusion");
    }

    @Test
    void shouldGiveTheSameAnswersFromManyThreads() throws Exception {
        List<Article> articles = cases().map(a -> article((String) a.get()[1], (String) a.get()[2], (String) a.get()[3]))
                .toList();
        List<List<Match>> expected = articles.stream().map(matcher::match).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<Match>>>> runs = Stream.<java.util.concurrent.Callable<List<List<Match>>>>generate(
                    () -> () -> articles.stream().map(matcher::match).toList()).limit(8).map(pool::submit).toList();
            for (Future<List<List<Match>>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }
}
