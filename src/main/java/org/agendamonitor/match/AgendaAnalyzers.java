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
    static final String TITLE = "title";
    static final String SUMMARY = "summary";

    private AgendaAnalyzers() {
    }

    /** The indexed field holding {@code base} (title or summary) for articles analyzed as {@code language}. */
    static String field(String base, String language) {
        return base + "_" + language;
    }

    /** The article field (title or summary) an indexed field came from. */
    static String baseField(String field) {
        return field.substring(0, field.indexOf('_'));
    }

    /** en and es analyzers under their field names, English for anything else. */
    static Analyzer perField() {
        Analyzer english = english();
        Analyzer spanish = spanish();
        return new PerFieldAnalyzerWrapper(english, Map.of(
                field(TITLE, "en"), english, field(SUMMARY, "en"), english,
                field(TITLE, "es"), spanish, field(SUMMARY, "es"), spanish));
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
