package org.agendamonitor.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * Text analysis per language, shared by agenda queries and articles so both sides normalize alike: standard
 * tokenizer, lower-casing, accent folding (so {@code tráfico} = {@code trafico}), then a light stemmer (for English,
 * possessive removal and Krovetz: {@code USMCA's} = {@code USMCA}, {@code laundering} = {@code launder}; Lucene's
 * Spanish light stemmer: {@code aranceles} = {@code arancel}).
 * No stop words are removed, so phrases keep their little words ({@code "tráfico de armas"}). Every filter keeps the
 * tokenizer's offsets, which is what lets hits point into the original title and summary.
 */
final class AgendaAnalyzers {
    /** Title and summary as two values of one field: a query's terms may be spread over both. */
    static final String TEXT = "text";
    /** The title alone, for {@code title:} clauses. */
    static final String TITLE = "title";
    /** Name of the summary in hits; the summary is searched through {@link #TEXT}. */
    static final String SUMMARY = "summary";
    /**
     * Positions between the title and the summary in {@link #TEXT}, so no phrase spans both; offsets continue after
     * the title plus Lucene's default offset gap of one character.
     */
    static final int POSITION_GAP = 100;
    static final int OFFSET_GAP = 1;

    private AgendaAnalyzers() {
    }

    /** The indexed field holding {@code base} (text or title) for articles analyzed as {@code language}. */
    static String field(String base, String language) {
        return base + "_" + language;
    }

    /** The base name (text or title) of an indexed field. */
    static String baseField(String field) {
        return field.substring(0, field.indexOf('_'));
    }

    /** The text field of the language an indexed field (text or title) belongs to: where its hits' offsets live. */
    static String textFieldOf(String field) {
        return field(TEXT, field.substring(field.indexOf('_') + 1));
    }

    /** en and es analyzers under their field names, English for anything else. */
    static Analyzer perField() {
        Analyzer english = english();
        Analyzer spanish = spanish();
        return new PerFieldAnalyzerWrapper(english, Map.of(
                field(TEXT, "en"), english, field(TITLE, "en"), english,
                field(TEXT, "es"), spanish, field(TITLE, "es"), spanish));
    }

    static Analyzer forLanguage(String language) {
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "es" -> spanish();
            default -> english();
        };
    }

    /** English drops possessives first, so "USMCA's" and "Mexico's" match "USMCA" and "Mexico". */
    private static Analyzer english() {
        return build("englishPossessive", "kStem");
    }

    private static Analyzer spanish() {
        return build("spanishLightStem");
    }

    private static Analyzer build(String... stemming) {
        try {
            CustomAnalyzer.Builder builder = CustomAnalyzer.builder()
                    .withTokenizer("standard")
                    .withPositionIncrementGap(POSITION_GAP)
                    .withOffsetGap(OFFSET_GAP)
                    .addTokenFilter("lowercase")
                    .addTokenFilter("asciiFolding");
            for (String filter : stemming) {
                builder.addTokenFilter(filter);
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the " + String.join("+", stemming) + " analyzer", e);
        }
    }
}
