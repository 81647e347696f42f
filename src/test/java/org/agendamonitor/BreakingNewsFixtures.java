package org.agendamonitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.agendamonitor.model.Article;

/**
 * Articles for story and alert tests: one USMCA story told by four outlets minutes apart, an unrelated USMCA article,
 * and a tourism story about Mérida the city told by three outlets (which must not match the merida recommendation).
 * All our own wording.
 */
public final class BreakingNewsFixtures {
    /** When the first outlet publishes the USMCA story. */
    public static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private BreakingNewsFixtures() {
    }

    public static Article article(String id, String feedId, String source, String title, String summary,
            String language, Instant published) {
        return new Article(id, feedId, source, "https://" + feedId + ".example/" + id, title, summary, language,
                published, published.plusSeconds(30));
    }

    /** The same USMCA story from four outlets, 0, 7, 15 and 40 minutes after {@link #T0}. */
    public static List<Article> usmcaStory() {
        return List.of(
                article("usmca-wire-1", "wire-a", "Wire A",
                        "US and Mexico conclude USMCA joint review, agree to extend trade pact",
                        "The United States and Mexico concluded the joint review of the USMCA trade agreement on "
                                + "Friday and agreed to extend the pact for another 16 years, officials said.",
                        "en", T0),
                article("usmca-wire-2", "wire-b", "Wire B",
                        "USMCA joint review concluded as US, Mexico agree to extend trade pact",
                        "Washington and Mexico City concluded the USMCA joint review on Friday and agreed to extend "
                                + "the trade pact for 16 years, officials said.",
                        "en", T0.plusSeconds(7 * 60)),
                article("usmca-paper-3", "paper-c", "Paper C",
                        "Mexico, US wrap up USMCA joint review and extend the trade agreement",
                        "Mexico and the United States concluded the joint review of the USMCA on Friday, agreeing to "
                                + "extend the trade agreement for another 16 years.",
                        "en", T0.plusSeconds(15 * 60)),
                article("usmca-paper-4", "paper-d", "Paper D",
                        "USMCA partners conclude joint review, extend trade deal 16 years",
                        "The USMCA joint review concluded on Friday with the United States and Mexico agreeing to "
                                + "extend the trade agreement.",
                        "en", T0.plusSeconds(40 * 60)));
    }

    /** A different USMCA story the same morning. */
    public static Article otherUsmcaArticle() {
        return article("usmca-steel", "wire-a", "Wire A", "US imposes tariffs on Mexican steel despite USMCA",
                "Washington imposed new tariffs on Mexican steel on Tuesday, a move Mexico called a violation of "
                        + "the USMCA.",
                "en", T0.plusSeconds(20 * 60));
    }

    /** Tourism in Mérida, Yucatán, from three outlets: about the city, not the security initiative. */
    public static List<Article> meridaCityStory() {
        return List.of(
                article("merida-city-1", "wire-a", "Wire A",
                        "Mérida named top cultural destination as tourism to Yucatán booms",
                        "Hotels in Mérida, the capital of Yucatán, report record bookings for the winter season as "
                                + "visitors flock to its cenotes and colonial center.",
                        "en", T0.plusSeconds(5 * 60)),
                article("merida-city-2", "wire-b", "Wire B",
                        "Tourism booms in Mérida, Yucatán's cultural capital",
                        "Record bookings in Mérida hotels as visitors come for the cenotes, the colonial center and "
                                + "Yucatán cuisine this winter.",
                        "en", T0.plusSeconds(9 * 60)),
                article("merida-city-3", "paper-c", "Paper C",
                        "Mérida hotels see record winter as Yucatán tourism booms",
                        "Visitors flock to Mérida and the cenotes of Yucatán; hotels report record bookings for the "
                                + "season.",
                        "en", T0.plusSeconds(12 * 60)));
    }

    /**
     * {@code n} copies of {@code first} from as many outlets, "copy-0" to "copy-(n-1)", a second apart from the first
     * one's time, each lede with its own number: near-duplicates that all join the first one's story.
     */
    public static List<Article> copiesOf(Article first, int n) {
        List<Article> copies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            copies.add(article("copy-" + i, "feed-" + i, "Outlet " + i, first.title(), first.summary() + " " + i, "en",
                    first.publishedAt().plusSeconds(i)));
        }
        return copies;
    }

    /** The fixtures moved so that the first article is 45 minutes before {@code now}, all fetched at {@code now}. */
    public static List<Article> recent(List<Article> fixtures, Instant now) {
        Duration shift = Duration.between(T0, now.minus(Duration.ofMinutes(45)));
        return fixtures.stream().map(a -> new Article(a.id(), a.feedId(), a.source(), a.url(), a.title(),
                a.summary(), a.language(), a.publishedAt().plus(shift), now)).toList();
    }

    /** A config folder for the whole app: the real agenda.yaml and a one-feed OPML nobody polls (ingest off). */
    public static Path appConfigDir(Path work) throws IOException {
        Path config = Files.createDirectories(work.resolve("config"));
        Files.copy(Path.of("config", "agenda.yaml"), config.resolve("agenda.yaml"));
        Files.writeString(config.resolve("feeds.opml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>test</title></head><body>
                  <outline text="Test"><outline id="wire-a" text="Wire A" type="rss" language="en"
                      xmlUrl="http://127.0.0.1:9/unused.xml"/></outline>
                </body></opml>
                """);
        return config;
    }
}
