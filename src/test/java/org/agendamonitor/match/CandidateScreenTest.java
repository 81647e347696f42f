package org.agendamonitor.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.agendamonitor.config.AgendaSpecLoader;
import org.agendamonitor.model.Article;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The screen in front of the Lucene monitor may only ever turn away articles the monitor would not match: checked
 * against the unscreened matcher on every text we have (generated benchmark items, the labeled dev set and the items
 * of the shared feed corpus, when {@code ../shared} is there), and on the principle it rests on.
 */
class CandidateScreenTest {
    private static AgendaMatcher matcher;

    @BeforeAll
    static void loadAgenda() {
        matcher = new AgendaMatcher(AgendaSpecLoader.load(Path.of("config", "agenda.yaml")));
    }

    @AfterAll
    static void close() {
        matcher.close();
    }

    @Test
    void shouldMatchExactlyAsTheUnscreenedMonitorOnGeneratedNewsAndTurnMostOfItAway() {
        List<Article> articles = MatchCorpora.generated(3_000);

        long turnedAway = assertScreenIsExact(articles);

        // ~85% of the generated items are off the agenda; the screen must spare the monitor most of them.
        assertThat(turnedAway).isGreaterThan(articles.size() * 70L / 100);
    }

    @Test
    void shouldMatchExactlyAsTheUnscreenedMonitorOnTheLabeledDevSet() {
        var articles = MatchCorpora.devSet();
        assumeTrue(articles.isPresent(), "shared/eval/dev.jsonl not found at ../shared or ../../shared: dev-set "
                + "screen check skipped");

        assertScreenIsExact(articles.get());
    }

    @Test
    void shouldMatchExactlyAsTheUnscreenedMonitorOnTheItemsOfTheSharedFeedCorpus() {
        var articles = MatchCorpora.feedCorpusItems();
        assumeTrue(articles.isPresent(), "shared feed corpus not found at ../shared/corpus/feeds: corpus screen "
                + "check skipped");

        assertThat(articles.get().size()).as("items parsed from the corpus").isGreaterThan(4_000);
        long turnedAway = assertScreenIsExact(articles.get());
        assertThat(turnedAway).isGreaterThan(articles.get().size() / 2);
    }

    /** Returns how many articles the screen turned away. */
    private static long assertScreenIsExact(List<Article> articles) {
        long turnedAway = 0;
        long matched = 0;
        for (Article a : articles) {
            var unscreened = matcher.explain(a).matches();
            if (!matcher.mayMatch(a)) {
                turnedAway++;
                assertThat(unscreened).as("turned away, but the monitor matches: %s | %s", a.title(), a.summary())
                        .isEmpty();
            }
            assertThat(matcher.match(a)).as(a.title()).isEqualTo(unscreened);
            matched += unscreened.isEmpty() ? 0 : 1;
        }
        System.out.printf("screen: %d articles, %d matched, %d turned away%n", articles.size(), matched, turnedAway);
        return turnedAway;
    }

    /** The principle: no token of the analyzers spans ASCII whitespace, and every filter works on one token. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void shouldGiveTheSameTermsChunkByChunkAsForTheWholeText(String language) throws IOException {
        Analyzer analyzer = AgendaAnalyzers.forLanguage(language);
        List<String> texts = new ArrayList<>(List.of(
                "U.S. and Mexico's T-MEC/USMCA review: tariffs of 25%, 3.5 bn; e-mail isn't O'Neill's",
                "Iniciativa Me\u0301rida (combining accent) and Me\u0301 \u0301rida, a mark after a space",
                "no\u00a0break\u00a0space, zero\u200bwidth, soft\u00adhyphen, tabs\tand\u000bvertical\ftabs\r\nlines",
                "北京与墨西哥 签署协议 ﾊﾝｶｸ emoji 🇲🇽🇺🇸 👍🏽 ﬁnancial ligature Straße ÆØÅ",
                "x".repeat(300) + " " + "y".repeat(600) + " end",
                "trailing whitespace   ", "   ", "", "a", "'s 's's ''' ... --- ___ 1,000.50 $5"));
        EvalTest.devSet().ifPresent(file -> {
            try {
                EvalItem.read(file).forEach(i -> texts.add(i.title() + "\n" + i.summary()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        for (String text : texts) {
            Set<String> chunked = new LinkedHashSet<>();
            for (String chunk : text.split("[ \\t\\n\\r\\f\\u000B]+")) {
                chunked.addAll(terms(analyzer, chunk));
            }
            assertThat(chunked).as(text).isEqualTo(new LinkedHashSet<>(terms(analyzer, text)));
        }
    }

    @Test
    void shouldRelaxQueriesToWhatTheirWordsRequire() throws ParseException {
        Analyzer english = AgendaAnalyzers.forLanguage("en");
        List<String> vocabulary = new ArrayList<>();
        PresenceCondition phraseAndOr = condition(english, vocabulary,
                "\"judicial reform\" AND (Mexico OR Sheinbaum) -Venezuela");

        assertThat(phraseAndOr.test(present(vocabulary, "judicial", "reform", "mexico"))).isTrue();
        assertThat(phraseAndOr.test(present(vocabulary, "reform", "judicial", "sheinbaum"))).isTrue();
        assertThat(phraseAndOr.test(present(vocabulary, "judicial", "mexico"))).as("phrase needs both words").isFalse();
        assertThat(phraseAndOr.test(present(vocabulary, "judicial", "reform"))).as("AND needs Mexico|Sheinbaum")
                .isFalse();
        assertThat(vocabulary).as("a prohibited word is never required").doesNotContain("venezuela");

        assertThat(condition(english, vocabulary, "title:(USMCA OR CUSMA) review").test(
                present(vocabulary, "cusma", "review"))).isTrue();
        assertThat(condition(english, vocabulary, "\"gun trafficking\"~3").test(present(vocabulary, "gun")))
                .isFalse();
        assertThat(condition(english, vocabulary, "tariff* AND Mexico").test(present(vocabulary, "mexico")))
                .as("a prefix cannot be screened, the rest still is").isTrue();
        assertThat(condition(english, vocabulary, "tariff*").always()).isTrue();
        assertThat(condition(english, vocabulary, "-Mexico").always()).isTrue();
    }

    private static PresenceCondition condition(Analyzer analyzer, List<String> vocabulary, String text)
            throws ParseException {
        Query query = new FieldAliasingParser("en", analyzer).parse(text);
        return PresenceCondition.of(query, term -> {
            if (!vocabulary.contains(term.text())) {
                vocabulary.add(term.text());
            }
            return vocabulary.indexOf(term.text());
        });
    }

    private static long[] present(List<String> vocabulary, String... terms) {
        long[] bits = new long[2];
        for (String t : terms) {
            int id = vocabulary.indexOf(t);
            if (id >= 0) {
                bits[id >>> 6] |= 1L << id;
            }
        }
        return bits;
    }

    private static List<String> terms(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream("text_x", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                out.add(term.toString());
            }
            tokens.end();
        }
        return out;
    }
}
