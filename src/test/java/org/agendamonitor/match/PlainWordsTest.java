package org.agendamonitor.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.agendamonitor.model.Article;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.KStemmer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every token {@link PlainWords} works out is the one token, spanning the whole word, that the language's analyzer
 * makes of it: over the words of generated news (made-up names), the dev set and the feed corpus (when
 * {@code ../shared} is there), Krovetz's own irregular forms and their roots, every rule's ending on those words, in
 * three cases. And the shortcut is taken for most made-up names, so that a Lucene upgrade that turns it off shows.
 */
class PlainWordsTest {

    private static Set<String> words() throws ReflectiveOperationException {
        Set<String> words = new LinkedHashSet<>();
        List<Article> articles = new ArrayList<>(MatchCorpora.generated(2_000));
        MatchCorpora.devSet().ifPresent(articles::addAll);
        MatchCorpora.feedCorpusItems().ifPresent(articles::addAll);
        for (Article a : articles) {
            for (String chunk : (a.title() + " " + a.summary()).split("[\\s\\p{Punct}]+")) {
                if (!chunk.isEmpty()) {
                    words.add(chunk);
                }
            }
        }
        List<String> stems = new ArrayList<>();
        for (String table : List.of("directConflations", "countryNationality")) {
            Field field = KStemmer.class.getDeclaredField(table);
            field.setAccessible(true);
            for (String[] pair : (String[][]) field.get(null)) {
                stems.add(pair[0]);
                stems.add(pair[1]);
            }
        }
        stems.addAll(List.of("launder", "tariff", "cartel", "mexico", "fentanyl", "traffic", "review", "nation",
                "a", "ab", "abc", "zi", "ti", "fled", "aging", "thing", "sing"));
        String[] endings = {"", "s", "es", "ies", "ed", "ied", "ing", "ity", "ness", "ion", "ation", "ization", "er",
            "or", "izer", "ly", "al", "ical", "ive", "ative", "ize", "ment", "ble", "able", "ible", "ism", "ic", "ncy",
            "ency", "nce", "ance", "e", "y", "2", "00"};
        for (String stem : stems) {
            for (String ending : endings) {
                words.add(stem + ending);
            }
        }
        Set<String> cased = new LinkedHashSet<>();
        for (String w : words) {
            cased.add(w);
            cased.add(w.toUpperCase(Locale.ROOT));
            cased.add(Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return cased;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void shouldWorkOutTheAnalyzersTokenForEveryPlainWordItTakes(String language) throws Exception {
        Analyzer analyzer = AgendaAnalyzers.forLanguage(language);
        PlainWords plain = PlainWords.of(analyzer);
        assertThat(plain).as("the agenda's %s analyzer is one the shortcut knows", language).isNotNull();
        String field = AgendaAnalyzers.field(AgendaAnalyzers.TEXT, language);
        char[] token = new char[ChunkTerms.LONGEST_REMEMBERED];
        int taken = 0;
        int compared = 0;
        for (String word : words()) {
            char[] text = ("  " + word + " ").toCharArray();
            int length = plain.token(text, 2, 2 + word.length(), token);
            if (length < 0) {
                continue;
            }
            taken++;
            assertThat(List.of(new String(token, 0, length) + " 0-" + word.length() + " +1"))
                    .as("%s: %s", language, word).isEqualTo(tokens(analyzer, field, word));
            compared++;
        }
        assertThat(compared).isGreaterThan(20_000);
        assertThat(taken).isEqualTo(compared);
    }

    /**
     * Most distinct words of generated news take the shortcut (made-up names, mostly; those ending like an English
     * rule, and words with accents, do not).
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void shouldTakeTheShortcutForMostWordsOfTheNews(String language) {
        PlainWords plain = PlainWords.of(AgendaAnalyzers.forLanguage(language));
        char[] token = new char[ChunkTerms.LONGEST_REMEMBERED];
        Set<String> words = new LinkedHashSet<>();
        for (Article a : MatchCorpora.generated(500)) {
            words.addAll(List.of((a.title() + " " + a.summary()).split("[\\s\\p{Punct}]+")));
        }
        int taken = 0;
        for (String word : words) {
            taken += plain.token(word.toCharArray(), 0, word.length(), token) >= 0 ? 1 : 0;
        }
        assertThat(words).hasSizeGreaterThan(5_000);
        assertThat(taken).as("%s: words that take the shortcut", language).isGreaterThan(words.size() * 6 / 10);
    }

    /** The analyzer's tokens of {@code text}, as {@link ChunkTermsTest#tokens} lists them, without the end line. */
    private static List<String> tokens(Analyzer analyzer, String field, String text) throws IOException {
        List<String> tokens = ChunkTermsTest.tokens(analyzer.tokenStream(field, text));
        return tokens.subList(0, tokens.size() - 1);
    }
}
