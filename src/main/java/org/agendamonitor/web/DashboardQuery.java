package org.agendamonitor.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import org.agendamonitor.model.Recommendation;

/**
 * The dashboard's filters as they live in the URL ({@code /?recommendation=usmca&language=es&outlet=...&q=...}), so a
 * filtered view can be shared. A value that does not parse is dropped, not answered with an error: a stale shared
 * link still opens. dashboard.js reads and writes the same four parameters.
 *
 * @param recommendation only articles matching this recommendation, or null for all
 * @param language       ISO 639-1 code, or null
 * @param outlet         the article's source as displayed, or null
 * @param search         free text searched in headline, summary and outlet (case and accents ignored), or null
 */
record DashboardQuery(Recommendation recommendation, String language, String outlet, String search) {
    static final int MAX_TEXT = 200;

    static DashboardQuery from(Map<String, String> params) {
        return new DashboardQuery(recommendation(params.get("recommendation")), language(params.get("language")),
                textParam(params.get("outlet")), textParam(params.get("q")));
    }

    /** Whether an article (API JSON) passes the outlet and search filters; the others are applied by the query. */
    boolean accepts(JsonNode article) {
        if (outlet != null && !outlet.equals(Html.string(article, "source"))) {
            return false;
        }
        if (search == null) {
            return true;
        }
        String haystack = fold(String.join(" ", nonNull(Html.string(article, "title")),
                nonNull(Html.string(article, "summary")), nonNull(Html.string(article, "source"))));
        return haystack.contains(fold(search));
    }

    /** Lower case without accents, so "mexico" finds "México" (dashboard-dom.js folds the same way). */
    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static Recommendation recommendation(String value) {
        try {
            return ApiRoutes.recommendationParam(value);
        } catch (BadRequestException e) {
            return null;
        }
    }

    private static String language(String value) {
        try {
            return ApiRoutes.languageParam(value);
        } catch (BadRequestException e) {
            return null;
        }
    }

    private static String textParam(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.length() > MAX_TEXT ? trimmed.substring(0, MAX_TEXT) : trimmed;
    }
}
