package org.agendamonitor.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jsoup.nodes.Entities;

/**
 * The few rules every server-rendered page follows: feed text is escaped with jsoup (element content and quoted
 * attributes alike), and only http(s) URLs become links. dashboard-dom.js applies the same rules in the browser.
 */
final class Html {
    /** UTC with the zone named: staff read the page on both sides of the border, so no local guesswork. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Html() {
    }

    /** Escapes text for HTML element content and double-quoted attributes. */
    static String text(String s) {
        return s == null ? "" : Entities.escape(s);
    }

    /** A JSON field as escaped text; empty when absent or null. */
    static String text(JsonNode node, String field) {
        return text(string(node, field));
    }

    static String string(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    /** An anchor for http(s) URLs; anything else (javascript:, data:, relative) becomes plain text. */
    static String link(String url, String labelHtml, String cssClass) {
        String cls = cssClass == null ? "" : " class=\"" + cssClass + "\"";
        return isHttp(url)
                ? "<a" + cls + " href=\"" + text(url.trim()) + "\" rel=\"noopener noreferrer nofollow\" "
                        + "target=\"_blank\">" + labelHtml + "</a>"
                : "<span" + cls + ">" + labelHtml + "</span>";
    }

    static boolean isHttp(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme();
            return scheme != null && uri.getHost() != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A {@code <time>} element for an ISO-8601 instant; the raw text (escaped) when it does not parse. */
    static String time(String iso) {
        if (iso == null || iso.isEmpty()) {
            return "<time>—</time>";
        }
        try {
            Instant t = Instant.parse(iso);
            return "<time datetime=\"" + t + "\">" + TIME.format(t) + "</time>";
        } catch (DateTimeParseException e) {
            return "<time>" + text(iso) + "</time>";
        }
    }
}
