package org.agendamonitor.bench;

import java.util.List;

/**
 * Word lists the {@link ArticleGenerator} composes news items from, one set per language. The everyday lists stay
 * clear of every agenda term (no USMCA, Mérida, cartel, fentanyl, impunity...), so an item matches only when an
 * agenda sentence was put in on purpose. The agenda sentences each fire one topic of {@code config/agenda.yaml} on
 * their own (weight ≥ min_score), which makes the on-agenda share of a corpus what the generator says it is.
 */
record Vocabulary(
        String language,
        String near,
        String said,
        List<String> outlets,
        List<String> subjects,
        List<String> verbs,
        List<String> objects,
        List<String> places,
        List<String> tails,
        List<String> headlineNouns,
        List<String> agendaHeadlines,
        List<String> agendaSentences) {

    static Vocabulary of(String language) {
        return switch (language) {
            case "en" -> ENGLISH;
            case "es" -> SPANISH;
            default -> throw new IllegalArgumentException("no vocabulary for language '" + language + "'");
        };
    }

    static final Vocabulary ENGLISH = new Vocabulary("en", "near", "said",
            List.of("Daily Ledger", "Metro Herald", "Coastal Times", "Valley Post", "Evening Courier",
                    "Northern Gazette", "City Wire", "Plains Tribune"),
            List.of("The city council", "Local farmers", "A group of teachers", "The regional hospital",
                    "Researchers at the state university", "The transit authority", "Small business owners",
                    "The football club", "Volunteers", "The weather service", "Museum curators",
                    "A coalition of parents", "The school board", "Software engineers", "Residents",
                    "The orchestra", "Airline executives", "Park rangers", "The housing agency", "Nurses"),
            List.of("announced", "discussed", "postponed", "approved a plan for", "raised concerns about",
                    "celebrated", "reviewed", "presented", "questioned", "welcomed", "expanded", "described",
                    "completed", "launched a study of", "voted on"),
            List.of("a new bus route", "the summer festival", "the budget for libraries", "repairs to the old bridge",
                    "a wind farm", "the championship game", "rising rents", "a recycling program",
                    "the new stadium", "flu vaccinations", "the harvest season", "a solar power project",
                    "weekend road closures", "a science fair", "broadband access", "the marathon route",
                    "a heat advisory", "an art exhibition", "the tourism season", "water conservation"),
            List.of("in Springfield", "downtown", "across the county", "near the river", "in the northern suburbs",
                    "on the coast", "in the valley", "at the convention center", "in three districts",
                    "along the highway", "in rural areas", "at city hall"),
            List.of("on Tuesday", "after a long debate", "despite heavy rain", "ahead of the holidays",
                    "for the third year in a row", "with broad support", "according to a statement",
                    "officials said", "as attendance grew", "before the deadline"),
            List.of("bridge", "festival", "budget", "stadium", "harvest", "rents", "marathon", "heat wave",
                    "library", "vaccines", "broadband", "wind farm", "transit", "orchestra", "museum"),
            List.of("USMCA joint review opens as trade officials meet", "Merida Initiative funds new training",
                    "Overdose deaths fell last year, CDC says", "Naloxone reaches more pharmacies",
                    "Gun trafficking to Mexico under scrutiny at the border",
                    "Mexico extradited cartel kingpin to the United States",
                    "Money laundering network moved drug money for Sinaloa cartel"),
            List.of("Negotiators said the USMCA review will decide whether the pact is extended for sixteen years.",
                    "Officials recalled that the Merida Initiative paid for equipment and training in Mexico.",
                    "Public health officials said overdose deaths fell as naloxone became easier to buy.",
                    "Advocates asked for more harm reduction programs and addiction treatment in the state.",
                    "Agents said gun trafficking to Mexico continued as smugglers moved rifles across the border.",
                    "Mexico extradited a cartel kingpin wanted by prosecutors in Texas.",
                    "Prosecutors said the money laundering scheme moved drug proceeds for the Sinaloa cartel.",
                    "Exporters are watching the USMCA joint review closely."));

    static final Vocabulary SPANISH = new Vocabulary("es", "cerca de", "dijo",
            List.of("Diario del Norte", "La Voz del Bajío", "El Heraldo Costero", "Noticias del Valle",
                    "La Crónica Regional", "El Mirador", "Gaceta Urbana", "El Observador"),
            List.of("El ayuntamiento", "Los agricultores de la región", "Un grupo de maestros", "El hospital general",
                    "Investigadores de la universidad", "La empresa de transporte", "Los comerciantes",
                    "El club de fútbol", "Los voluntarios", "El servicio meteorológico", "El museo de arte",
                    "Las asociaciones de vecinos", "La secretaría de educación", "Los ingenieros",
                    "Los habitantes", "La orquesta sinfónica", "La aerolínea", "Los guardaparques",
                    "El instituto de vivienda", "Las enfermeras"),
            List.of("anunció", "discutió", "aplazó", "aprobó un plan para", "expresó dudas sobre", "celebró",
                    "revisó", "presentó", "cuestionó", "recibió con agrado", "amplió", "describió", "concluyó",
                    "inició un estudio sobre", "votó"),
            List.of("una nueva ruta de autobús", "el festival de verano", "el presupuesto de las bibliotecas",
                    "la reparación del puente viejo", "un parque eólico", "la final del campeonato",
                    "el alza de las rentas", "un programa de reciclaje", "el nuevo estadio",
                    "la campaña de vacunación contra la gripe", "la cosecha de maíz", "un proyecto de energía solar",
                    "el cierre de calles del fin de semana", "una feria de ciencias", "el acceso a internet",
                    "la ruta del maratón", "la ola de calor", "una exposición de pintura", "la temporada turística",
                    "el ahorro de agua"),
            List.of("en Guadalajara", "en el centro", "en todo el estado", "junto al río", "en la zona norte",
                    "en la costa", "en el valle", "en el centro de convenciones", "en tres colonias",
                    "a lo largo de la carretera", "en las comunidades rurales", "en el palacio municipal"),
            List.of("el martes", "tras un largo debate", "pese a las lluvias", "antes de las fiestas",
                    "por tercer año consecutivo", "con amplio apoyo", "según un comunicado", "dijeron las autoridades",
                    "ante la creciente asistencia", "antes del plazo"),
            List.of("puente", "festival", "presupuesto", "estadio", "cosecha", "rentas", "maratón", "calor",
                    "biblioteca", "vacunas", "internet", "parque eólico", "transporte", "orquesta", "museo"),
            List.of("Inicia la revisión conjunta del T-MEC", "La Iniciativa Mérida financia nueva capacitación",
                    "Aumentan las muertes por sobredosis en Estados Unidos",
                    "Crece el tráfico de armas hacia México",
                    "Detectan lavado de dinero para un cártel de Sinaloa",
                    "Exportadores siguen de cerca el T-MEC"),
            List.of("Los negociadores dijeron que la revisión del T-MEC definirá si el acuerdo se extiende.",
                    "Funcionarios recordaron que la Iniciativa Mérida pagó equipo y capacitación.",
                    "Las autoridades de salud informaron que las muertes por sobredosis bajaron este año.",
                    "La fiscalía denunció el tráfico de armas desde Estados Unidos hacia México.",
                    "La investigación reveló lavado de dinero para el cártel de Sinaloa.",
                    "Los productores esperan que el T-MEC mantenga el acceso al mercado."));
}
