package org.agendamonitor.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * A 14-day bar sparkline as inline SVG: one bar per day (oldest left), English articles in the lower part and the
 * rest above. Geometry is in SVG attributes, not style attributes, so the strict CSP (style-src 'self') allows it.
 * dashboard-cards.js draws the same figure for live updates.
 */
final class Sparkline {
    static final int WIDTH = 140;
    static final int HEIGHT = 36;
    private static final int SLOT = 10;
    private static final int BAR = 8;

    private Sparkline() {
    }

    /** The SVG for a {@code daily} array ([{date, articles, by_language}]); an empty-state note when there is none. */
    static String svg(JsonNode daily) {
        if (daily == null || !daily.isArray() || daily.isEmpty()) {
            return "<p class=\"spark-empty\">No daily figures yet.</p>";
        }
        int days = Math.min(daily.size(), WIDTH / SLOT);
        int skip = daily.size() - days;
        double max = 1;
        for (int i = skip; i < daily.size(); i++) {
            max = Math.max(max, daily.get(i).path("articles").asDouble(0));
        }
        StringBuilder svg = new StringBuilder(1024);
        StringBuilder label = new StringBuilder("Articles per day, oldest first:");
        svg.append("<svg class=\"spark\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" role=\"img\"");
        StringBuilder bars = new StringBuilder();
        for (int i = skip; i < daily.size(); i++) {
            JsonNode day = daily.get(i);
            double total = Math.max(0, day.path("articles").asDouble(0));
            double en = Math.min(total, Math.max(0, day.path("by_language").path("en").asDouble(0)));
            int x = (i - skip) * SLOT;
            String title = Html.text(Html.string(day, "date")) + ": " + fmt(total) + " (EN " + fmt(en) + ")";
            bars.append("<g><title>").append(title).append("</title>")
                    .append(rect("spark-bar", x, total, max)).append(rect("spark-en", x, en, max)).append("</g>");
            label.append(' ').append(fmt(total));
        }
        return svg.append(" aria-label=\"").append(Html.text(label.toString())).append("\">")
                .append("<line class=\"spark-base\" x1=\"0\" x2=\"").append(WIDTH).append("\" y1=\"").append(HEIGHT)
                .append("\" y2=\"").append(HEIGHT).append("\"/>").append(bars).append("</svg>").toString();
    }

    private static String rect(String cls, int x, double value, double max) {
        double h = value <= 0 ? 0 : Math.max(1, value / max * (HEIGHT - 2));
        return String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\"/>", cls,
                x, HEIGHT - h, BAR, h);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
