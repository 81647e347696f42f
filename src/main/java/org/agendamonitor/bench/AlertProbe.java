package org.agendamonitor.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.agendamonitor.ingest.ArticleIds;
import org.agendamonitor.kafka.Topics;
import org.agendamonitor.model.Article;

/**
 * Fetch-to-alert for a breaking story: three outlets publish the same fresh USMCA story (a made-up, unique headline,
 * so it is a new story), a few hundred milliseconds apart, as the default rule's {@code min_outlets: 3} asks. The
 * figure is the time from the third article's fetch (its send) until a {@code read_committed} reader sees a record
 * on {@code agenda.alerts.v1}.
 */
final class AlertProbe {
    private static final int OUTLETS = 3;
    private static final Duration SPACING = Duration.ofMillis(300);

    private AlertProbe() {
    }

    /** Milliseconds from the triggering article's fetch to the alert, or -1 when none came within {@code wait}. */
    static long run(String bootstrap, CorpusProducer producer, Duration wait) throws InterruptedException {
        String story = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase(Locale.ROOT);
        try (CommittedReader alerts = new CommittedReader(bootstrap, Topics.ALERTS.name(), true)) {
            long triggerSent = 0;
            for (int outlet = 0; outlet < OUTLETS; outlet++) {
                Instant now = Instant.now();
                String url = "https://outlet" + outlet + ".example/usmca-" + story;
                producer.send(Topics.ARTICLES_RAW.name(), new Article(
                        ArticleIds.articleId(ArticleIds.canonicalUrl(url), "bench-outlet-" + outlet, null),
                        "bench-outlet-" + outlet, "Bench Outlet " + outlet, url,
                        "USMCA joint review: negotiators agree on the " + story + " quota for steel",
                        "Trade officials said the USMCA joint review produced an agreement on the " + story
                                + " quota for steel and aluminum, which Mexico and Canada welcomed.",
                        "en", now, now));
                producer.flush();
                triggerSent = now.toEpochMilli();
                Thread.sleep(SPACING.toMillis());
            }
            long deadline = System.currentTimeMillis() + wait.toMillis();
            while (System.currentTimeMillis() < deadline) {
                if (alerts.poll(Duration.ofMillis(20)).iterator().hasNext()) {
                    return System.currentTimeMillis() - triggerSent;
                }
            }
            return -1;
        }
    }
}
