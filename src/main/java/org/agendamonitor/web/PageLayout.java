package org.agendamonitor.web;

import java.util.Locale;

/**
 * The frame shared by the dashboard, alerts and feed pages: head with our own CSS and scripts only (nothing from
 * other origins: the page must work offline), a skip link, navigation, the live-status line, the theme toggle and the
 * footer. theme.js runs synchronously in the head so a saved dark theme applies before the first paint.
 */
final class PageLayout {
    enum Page {
        DASHBOARD("/", "Dashboard", "dashboard.js"),
        ALERTS("/alerts", "Alerts", "alerts.js"),
        FEEDS("/feeds", "Feed health", "feeds.js");

        final String path;
        final String title;
        final String script;

        Page(String path, String title, String script) {
            this.path = path;
            this.title = title;
            this.script = script;
        }
    }

    private PageLayout() {
    }

    static void open(StringBuilder html, Page page) {
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"color-scheme\" content=\"light dark\">")
                .append("<title>").append(page == Page.DASHBOARD ? "" : page.title + " · ").append("Agenda Monitor")
                .append("</title><link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">")
                .append("<link rel=\"stylesheet\" href=\"/static/app.css\">")
                .append("<script src=\"/static/theme.js\"></script>")
                .append("<script type=\"module\" src=\"/static/").append(page.script).append("\"></script>")
                .append("</head><body data-page=\"").append(page.name().toLowerCase(Locale.ROOT))
                .append("\"><a class=\"skip\" href=\"#main\">Skip to content</a><header class=\"top\">")
                .append("<div class=\"brand\"><p class=\"name\">Agenda Monitor</p><p class=\"tagline\">US–Mexico "
                        + "brief: how the news moves its three recommendations</p></div><nav aria-label=\"Pages\">");
        for (Page p : Page.values()) {
            html.append("<a href=\"").append(p.path).append('"').append(p == page ? " aria-current=\"page\"" : "")
                    .append('>').append(p.title).append("</a>");
        }
        html.append("</nav><p class=\"live\" id=\"live\" role=\"status\" aria-live=\"polite\">Loading…</p>")
                .append("<button type=\"button\" class=\"theme-toggle\" id=\"theme-toggle\">Dark theme</button>")
                .append("</header><div class=\"banner\" id=\"banner\" role=\"alert\" hidden></div>")
                .append("<main id=\"main\" tabindex=\"-1\"><h1>").append(page.title).append("</h1>");
    }

    static void close(StringBuilder html) {
        html.append("</main><footer><a href=\"/api/recommendations\">API</a> · <a href=\"/metrics\">metrics</a> · ")
                .append("<a href=\"/health\">health</a> · feed text is shown as plain text; links open only when "
                        + "they are http(s)</footer></body></html>");
    }

    /** A page with no server-side data: its script fills it from the API; without script, a pointer to the JSON. */
    static String shell(Page page, String api, String emptyText) {
        StringBuilder html = new StringBuilder(4096);
        open(html, page);
        html.append("<div id=\"content\" class=\"content\"><p class=\"muted\" id=\"content-empty\">")
                .append(Html.text(emptyText)).append("</p></div><noscript><p>This view needs JavaScript; the raw data is "
                        + "at <a href=\"").append(api).append("\">").append(api).append("</a>.</p></noscript>");
        close(html);
        return html.toString();
    }
}
