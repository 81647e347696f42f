package org.agendamonitor.match;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.KStemFilterFactory;
import org.apache.lucene.analysis.en.KStemmer;
import org.apache.lucene.analysis.es.SpanishLightStemFilterFactory;
import org.apache.lucene.analysis.es.SpanishLightStemmer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token an agenda analyzer makes of a plain word (ASCII letters and digits), worked out without running the
 * analyzer, for the words that are most of what a thread's {@link ChunkTerms} table has not seen yet: names and
 * numbers. Analyzing those cost as much as everything else the screen does, Krovetz stemming above all (its
 * dictionary lookups), although it leaves nearly all of them as they are.
 *
 * <p>Each step of the analyzer, in its order, is one that can be worked out exactly for a plain word, or the word is
 * left to the analyzer ({@link #token} returns -1):
 * <ul>
 *   <li>the standard tokenizer: UAX #29 never breaks between ASCII letters and digits, so it makes one token of the
 *       whole word, up to its maximum token length (a longer word is left to the analyzer);</li>
 *   <li>lower-casing: ASCII; ASCII folding and English possessive removal: nothing to do (no accent, no
 *       apostrophe);</li>
 *   <li>Lucene's Spanish light stemmer: run as it is (it is a few comparisons);</li>
 *   <li>Krovetz ({@link KStemmer}): a word it leaves unchanged, proven from its code (Lucene 9.11): every one of its
 *       seventeen rules starts by testing an ending, and does nothing to a word without it (the endings of
 *       {@link #changesUnderKStem}); apart from those rules a word changes only when it is a key of the stemmer's
 *       tables of irregular forms ("mexican" gives "mexico"), which are read from the stemmer itself at start-up.
 *       When they cannot be read, Krovetz words are all left to the analyzer.</li>
 * </ul>
 * {@code PlainWordsTest} compares every shortcut with the analyzer over the words of the dev set, the feed corpus
 * and generated news, and over the stemmer's irregular forms. Thread-safe (no state).
 */
final class PlainWords {
    private static final Logger LOG = LoggerFactory.getLogger(PlainWords.class);
    /** Keys of Krovetz's irregular forms (they change without a rule); null when they could not be read. */
    private static final CharArraySet KSTEM_IRREGULAR = irregularKStemForms();

    private final List<Step> steps;
    private final int longest;

    private PlainWords(List<Step> steps, int longest) {
        this.steps = List.copyOf(steps);
        this.longest = longest;
    }

    /** One filter of the analyzer applied to a lower-cased or not plain word in place: its new length, or -1. */
    private interface Step {
        int apply(char[] word, int length);
    }

    /** The shortcut for {@code analyzer}, or null when one of its parts is not one this class can work out. */
    static PlainWords of(Analyzer analyzer) {
        if (!(analyzer instanceof CustomAnalyzer custom) || !custom.getCharFilterFactories().isEmpty()
                || custom.getTokenizerFactory().getClass() != StandardTokenizerFactory.class) {
            return null;
        }
        List<Step> steps = new ArrayList<>();
        for (TokenFilterFactory filter : custom.getTokenFilterFactories()) {
            Step step = stepOf(filter);
            if (step == null) {
                return null;
            }
            steps.add(step);
        }
        StandardTokenizer tokenizer = (StandardTokenizer) custom.getTokenizerFactory().create();
        return new PlainWords(steps, tokenizer.getMaxTokenLength());
    }

    private static Step stepOf(TokenFilterFactory filter) {
        if (filter instanceof LowerCaseFilterFactory) {
            return PlainWords::lowerCase;
        }
        if (filter instanceof ASCIIFoldingFilterFactory
                && !((ASCIIFoldingFilter) filter.create(new StandardTokenizer())).isPreserveOriginal()) {
            return (word, length) -> length;
        }
        if (filter instanceof EnglishPossessiveFilterFactory) {
            return (word, length) -> length;
        }
        if (filter instanceof SpanishLightStemFilterFactory) {
            SpanishLightStemmer stemmer = new SpanishLightStemmer(); // no state
            return stemmer::stem;
        }
        if (filter instanceof KStemFilterFactory && KSTEM_IRREGULAR != null) {
            return (word, length) -> changesUnderKStem(word, length) ? -1 : length;
        }
        return null;
    }

    /**
     * The token the analyzer makes of the plain word {@code text[from, to)}, written to {@code token}: its length, or
     * -1 when the word is not plain or a step cannot tell (then only the analyzer can).
     */
    int token(char[] text, int from, int to, char[] token) {
        int length = to - from;
        if (length > longest || length > token.length) {
            return -1;
        }
        for (int i = 0; i < length; i++) {
            char c = text[from + i];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return -1;
            }
            token[i] = c;
        }
        for (Step step : steps) {
            length = step.apply(token, length);
            if (length < 0) {
                return -1;
            }
        }
        return length;
    }

    private static int lowerCase(char[] word, int length) {
        for (int i = 0; i < length; i++) {
            char c = word[i];
            if (c >= 'A' && c <= 'Z') {
                word[i] = (char) (c + ('a' - 'A'));
            }
        }
        return length;
    }

    /**
     * Whether Krovetz may change this word: it ends in what one of its rules starts with, or it is one of its
     * irregular forms. A word with other characters than a-z is never changed by a rule (the stemmer leaves it), but
     * may still be an irregular form.
     */
    static boolean changesUnderKStem(char[] word, int length) {
        if (KSTEM_IRREGULAR.contains(word, 0, length)) {
            return true;
        }
        if (length == 0) {
            return false;
        }
        char last = word[length - 1];
        // plural (-s, -es, -ies, and -ness), -er/-or and -izer
        if (last == 's' || last == 'r') {
            return true;
        }
        return endsWith(word, length, "ed") || endsWith(word, length, "ing") || endsWith(word, length, "ity")
                || endsWith(word, length, "ion") || endsWith(word, length, "ly") || endsWith(word, length, "al")
                || endsWith(word, length, "ive") || endsWith(word, length, "ize") || endsWith(word, length, "ment")
                || endsWith(word, length, "ble") || endsWith(word, length, "ism") || endsWith(word, length, "ic")
                || endsWith(word, length, "ncy") || endsWith(word, length, "nce");
    }

    private static boolean endsWith(char[] word, int length, String suffix) {
        int n = suffix.length();
        if (n > length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (word[length - n + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The words Krovetz maps through its tables rather than its rules: the first column of its direct conflations and
     * country-nationality tables. They are private to the stemmer, so they are read by reflection; if that fails
     * (another Lucene), no Krovetz word takes the shortcut.
     */
    private static CharArraySet irregularKStemForms() {
        try {
            CharArraySet forms = new CharArraySet(512, false);
            for (String table : List.of("directConflations", "countryNationality")) {
                Field field = KStemmer.class.getDeclaredField(table);
                field.setAccessible(true);
                for (String[] pair : (String[][]) field.get(null)) {
                    forms.add(pair[0]);
                }
            }
            return forms.isEmpty() ? null : CharArraySet.unmodifiableSet(forms);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Krovetz's irregular forms could not be read; unseen English words are all analyzed ({})",
                    e.toString());
            return null;
        }
    }
}
