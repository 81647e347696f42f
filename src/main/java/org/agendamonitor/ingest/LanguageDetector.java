package org.agendamonitor.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;

/**
 * A small stop-word language guesser for items whose feed declares no language. No detection library is served
 * here, and news text is rich in function words, so counting Lucene's Snowball stop words is enough to tell English
 * from Spanish (plus Portuguese, so Brazilian outlets are not taken for Spanish ones). A word shared by several
 * languages ("de", "a", "que") counts as a fraction for each. French and German are left out on purpose: Snowball's
 * French list holds "la", "en", "y", "es", "mes" and tipped short Spanish texts to "und". Thread-safe.
 */
public final class LanguageDetector {
    public static final String UNDETERMINED = "und";
    private static final double MIN_SCORE = 1.5;
    private static final double MIN_LEAD = 1.5;

    private final Map<String, CharArraySet> stopWords = new LinkedHashMap<>();

    public LanguageDetector() {
        stopWords.put("en", snowball("english_stop.txt"));
        stopWords.put("es", SpanishAnalyzer.getDefaultStopSet());
        stopWords.put("pt", PortugueseAnalyzer.getDefaultStopSet());
    }

    /** ISO 639-1 code of the most likely language, or {@code und} when the text is too short or too mixed. */
    public String detect(String text) {
        if (text == null || text.isBlank()) {
            return UNDETERMINED;
        }
        Map<String, Double> scores = new HashMap<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (token.isEmpty()) {
                continue;
            }
            long holders = stopWords.values().stream().filter(set -> set.contains(token)).count();
            if (holders > 0) {
                stopWords.forEach((lang, set) -> {
                    if (set.contains(token)) {
                        scores.merge(lang, 1.0 / holders, Double::sum);
                    }
                });
            }
        }
        String best = UNDETERMINED;
        double first = 0;
        double second = 0;
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            if (e.getValue() > first) {
                second = first;
                first = e.getValue();
                best = e.getKey();
            } else if (e.getValue() > second) {
                second = e.getValue();
            }
        }
        return first >= MIN_SCORE && first >= second * MIN_LEAD ? best : UNDETERMINED;
    }

    private static CharArraySet snowball(String resource) {
        // Lucene's EnglishAnalyzer list has only 33 words; the Snowball list beside SnowballFilter has ~170.
        try (Reader reader = IOUtils.getDecodingReader(SnowballFilter.class, resource, StandardCharsets.UTF_8)) {
            return WordlistLoader.getSnowballWordSet(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("stop words " + resource + " missing from lucene-analysis-common", e);
        }
    }
}
