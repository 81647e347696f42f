package org.agendamonitor.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agendamonitor.model.Alert;

/**
 * The webhook body: Slack's incoming-webhook JSON ({@code text} as the notification fallback, {@code blocks} for the
 * message: header with the headline, recommendation and reason, outlets, links, matched terms). Other chat tools
 * that accept Slack-compatible webhooks (Mattermost, Rocket.Chat) read {@code text} at least.
 */
public final class SlackMessage {
    static final int MAX_HEADER = 150;
    static final int MAX_LINKS = 10;

    private SlackMessage() {
    }

    public static Map<String, Object> of(Alert alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text(alert));
        List<Object> blocks = new ArrayList<>();
        blocks.add(object("type", "header", "text", object("type", "plain_text", "text", header(alert.headline()))));
        blocks.add(section("*Recommendation:* " + alert.recommendation().id() + "\n*Why:* " + escape(alert.detail())
                + "\n*Outlets (" + alert.sources().size() + "):* " + escape(String.join(", ", alert.sources()))));
        if (!alert.urls().isEmpty()) {
            StringBuilder links = new StringBuilder("*Links:*");
            alert.urls().stream().limit(MAX_LINKS).forEach(u -> links.append("\n• <").append(escape(u)).append('>'));
            blocks.add(section(links.toString()));
        }
        blocks.add(object("type", "context", "elements", List.of(object("type", "mrkdwn", "text",
                "Matched terms: " + escape(String.join(", ", alert.terms())) + " · story " + alert.storyId()
                        + " · alert " + alert.id()))));
        body.put("blocks", blocks);
        return body;
    }

    /** One line for notifications and plain receivers. */
    static String text(Alert alert) {
        return "Breaking (" + alert.recommendation().id() + "): " + escape(alert.headline()) + " — "
                + alert.sources().size() + " outlets: " + escape(String.join(", ", alert.sources()));
    }

    private static Map<String, Object> section(String mrkdwn) {
        return object("type", "section", "text", object("type", "mrkdwn", "text", mrkdwn));
    }

    /** A JSON object with its keys in the order given ("type" first, as Slack's documentation writes them). */
    private static Map<String, Object> object(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put(k1, v1);
        o.put(k2, v2);
        return o;
    }

    private static String header(String headline) {
        return headline.length() <= MAX_HEADER ? headline : headline.substring(0, MAX_HEADER - 1) + "…";
    }

    /** Slack's three control characters in mrkdwn (api.slack.com, "Formatting text for app surfaces"). */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
