package org.agendamonitor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.agendamonitor.config.WebSettings;
import org.agendamonitor.metrics.MetricsRegistryFactory;
import org.agendamonitor.model.Recommendation;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One test's server (port 0, over a {@link LiveReadModel} the test changes) plus the page operations and the
 * "nothing ran" checks DashboardIT repeats. The browser outlives it; its storage is cleared on close.
 */
final class DashboardHarness implements AutoCloseable {
    final LiveReadModel model = new LiveReadModel();
    private final HeadlessChromium chromium;
    private WebServer server;

    DashboardHarness(HeadlessChromium chromium) {
        this.chromium = chromium;
    }

    /**
     * The server's base URL, starting it on first use: what the test put in the model by then exists before the
     * server starts, so the live-update broadcaster knows it and pushes only what is added afterwards.
     */
    String url() {
        if (server == null) {
            List<Map<String, Object>> feeds = List.of(
                    Map.of("feedId", "wire-en", "title", "Border Wire", "url", "https://wire.example/rss",
                            "lastOutcome", "ok", "lastSuccess", "2026-11-28T06:59:00Z", "consecutiveFailures", 0,
                            "itemsSeen", 120),
                    Map.of("feedId", "evil", "title", "<img src=x onerror=\"window.__pwned='feeds'\">",
                            "url", "javascript:alert(1)", "lastOutcome", "http_5xx", "consecutiveFailures", 3));
            Map<Recommendation, String> titles = new EnumMap<>(Recommendation.class);
            DashboardFixtures.json("recommendations-progress.json").forEach(r -> titles.put(
                    Recommendation.fromId(r.get("id").asText()), r.get("title").asText()));
            server = new WebServer(new WebSettings("127.0.0.1", 0), model, titles, () -> feeds,
                    MetricsRegistryFactory.prometheus()::scrape).start();
        }
        return server.url();
    }

    /** Opens a dashboard URL and waits until its script has re-rendered the view from the API. */
    void open(String path) {
        chromium.driver.get(url() + path);
        try {
            waitUntil(Duration.ofSeconds(10), () -> "api".equals(chromium.js("return document.body.dataset.rendered")));
        } catch (TimeoutException e) {
            throw new AssertionError("page script did not render from the API; console: " + chromium.console(), e);
        }
    }

    void waitUntil(Duration timeout, BooleanSupplier condition) {
        new WebDriverWait(chromium.driver, timeout).until(d -> condition.getAsBoolean());
    }

    List<String> rowIds() {
        return chromium.driver.findElements(By.cssSelector("#articles > li.article")).stream()
                .map(e -> e.getAttribute("data-id")).toList();
    }

    /** Text without any whitespace: jsoup and the DOM space block elements differently, the words are the point. */
    String textOf(String css) {
        return squeeze(String.valueOf(chromium.js("return document.querySelector(arguments[0]).textContent", css)));
    }

    static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    /**
     * No dialog, no flag set by a payload, no CSP violation, no element or attribute a payload could have brought,
     * and every link http(s).
     */
    void assertNothingRan() {
        assertThatThrownBy(() -> chromium.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(chromium.js("return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(chromium.js("return window.__csp")).asList().isEmpty();
        assertThat(chromium.js("return document.querySelectorAll('img, style, iframe, object, embed').length"))
                .isEqualTo(0L);
        assertThat(chromium.js("return [...document.scripts].filter(s => !s.src.startsWith(location.origin"
                + " + '/static/')).length")).isEqualTo(0L);
        assertThat(chromium.js("return document.querySelectorAll('svg:not(.spark)').length")).isEqualTo(0L);
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) chromium.js("return [...document.querySelectorAll('a[href]')]"
                + ".map(a => a.href)");
        assertThat(hrefs).allSatisfy(h -> assertThat(h.toLowerCase(Locale.ROOT)).matches("https?://.*"));
        assertThat(chromium.js("return [...document.querySelectorAll('*')].filter(e => [...e.attributes]"
                + ".some(a => a.name.startsWith('on') || a.name === 'style' || a.name === 'srcset')).length"))
                .isEqualTo(0L);
    }

    @Override
    public void close() {
        if (server != null) {
            chromium.js("window.localStorage.clear(); window.sessionStorage.clear();");
            server.close();
        }
    }
}
