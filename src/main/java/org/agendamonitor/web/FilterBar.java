package org.agendamonitor.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.TreeSet;
import org.agendamonitor.model.Recommendation;

/**
 * The filter form. A plain GET form, so filtering works and lands in the URL even without script; dashboard.js
 * applies changes as they happen and rewrites the URL the same way.
 */
final class FilterBar {
    private FilterBar() {
    }

    static void render(StringBuilder html, DashboardQuery q, List<JsonNode> loaded) {
        html.append("<form class=\"filters\" id=\"filters\" method=\"get\" action=\"/\" role=\"search\">")
                .append("<label>Recommendation <select name=\"recommendation\" id=\"f-recommendation\">")
                .append(option("", "All", q.recommendation() == null));
        for (Recommendation r : Recommendation.values()) {
            html.append(option(r.id(), Labels.shortLabel(r.id()), r == q.recommendation()));
        }
        html.append("</select></label><label>Language <select name=\"language\" id=\"f-language\">")
                .append(option("", "All", q.language() == null))
                .append(option("en", "English", "en".equals(q.language())))
                .append(option("es", "Spanish", "es".equals(q.language())))
                .append("</select></label><label>Outlet <select name=\"outlet\" id=\"f-outlet\">")
                .append(option("", "All", q.outlet() == null));
        TreeSet<String> outlets = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        loaded.forEach(a -> {
            String source = Html.string(a, "source");
            if (source != null && !source.isBlank()) {
                outlets.add(source);
            }
        });
        if (q.outlet() != null) {
            outlets.add(q.outlet());
        }
        outlets.forEach(o -> html.append(option(o, o, o.equals(q.outlet()))));
        html.append("</select></label><label>Search <input type=\"search\" name=\"q\" id=\"f-q\" maxlength=\"")
                .append(DashboardQuery.MAX_TEXT).append("\" value=\"").append(Html.text(q.search()))
                .append("\" placeholder=\"words in headline or summary\"></label>")
                .append("<button type=\"submit\" class=\"apply\">Apply</button>")
                .append("<a class=\"clear\" href=\"/\">Clear filters</a></form>");
    }

    private static String option(String value, String label, boolean selected) {
        return "<option value=\"" + Html.text(value) + "\"" + (selected ? " selected" : "") + ">" + Html.text(label)
                + "</option>";
    }
}
