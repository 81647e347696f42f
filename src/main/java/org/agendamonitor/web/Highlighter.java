package org.agendamonitor.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Marks matched terms in a headline or summary from the matcher's {@code TermHit} offsets (UTF-16 indexes, the same in
 * Java and JavaScript). Every segment, marked or not, is escaped; a hit whose offsets fall outside the text, overlap
 * an earlier hit, or no longer cover its recorded text is skipped rather than trusted.
 */
final class Highlighter {
    private record Range(int start, int end) {
    }

    private Highlighter() {
    }

    /** The escaped HTML of {@code field} ("title" or "summary") of an article JSON, with its hits in mark. */
    static String field(JsonNode article, String field) {
        String text = Html.string(article, field);
        return text == null ? "" : highlight(text, ranges(article, field, text));
    }

    static String highlight(String text, List<int[]> ranges) {
        StringBuilder html = new StringBuilder(text.length() + 32);
        int at = 0;
        for (int[] r : ranges) {
            html.append(Html.text(text.substring(at, r[0])))
                    .append("<mark>").append(Html.text(text.substring(r[0], r[1]))).append("</mark>");
            at = r[1];
        }
        return html.append(Html.text(text.substring(at))).toString();
    }

    /** Valid, non-overlapping hit ranges for one field, in text order, gathered over all of the article's matches. */
    static List<int[]> ranges(JsonNode article, String field, String text) {
        List<Range> found = new ArrayList<>();
        for (JsonNode match : article.path("matches")) {
            for (JsonNode hit : match.path("hits")) {
                if (!field.equals(hit.path("field").asText()) || !hit.path("start").isInt()
                        || !hit.path("end").isInt()) {
                    continue;
                }
                int start = hit.get("start").asInt();
                int end = hit.get("end").asInt();
                if (start < 0 || end <= start || end > text.length() || !covers(text, start, end, hit)) {
                    continue;
                }
                found.add(new Range(start, end));
            }
        }
        found.sort(Comparator.comparingInt(Range::start).thenComparing(r -> -r.end()));
        List<int[]> kept = new ArrayList<>();
        int last = 0;
        for (Range r : found) {
            if (r.start() >= last) {
                kept.add(new int[] {r.start(), r.end()});
                last = r.end();
            }
        }
        return kept;
    }

    private static boolean covers(String text, int start, int end, JsonNode hit) {
        String recorded = Html.string(hit, "text");
        return recorded == null || text.substring(start, end).equalsIgnoreCase(recorded);
    }
}
