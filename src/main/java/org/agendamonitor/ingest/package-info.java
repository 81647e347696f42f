/**
 * The ingest stage: feeds in, {@link org.agendamonitor.model.Article}s out to {@code agenda.articles.raw.v1}.
 *
 * <pre>
 * FeedScheduler ─► FeedFetcher (http / file:) ─► FeedParser (ROME | JSON Feed) ─► ArticleNormalizer ─► ArticleSink
 *   │ PollPlanner: interval, ttl / max-age / Expires, back-off, Retry-After, jitter
 *   └ FeedStatus per feed (/api/feeds)
 * </pre>
 *
 * <p><b>Outcomes.</b> Every poll ends in one {@link org.agendamonitor.ingest.FetchOutcome} (snake_case ids, a closed
 * set used as a metric label): ok, not_modified, http_4xx, http_5xx, rate_limited, timeout, too_large, parse_error,
 * not_a_feed, network, dns, tls, redirect_loop, unsupported_url, blocked_address, sink_error, internal_error.
 *
 * <p><b>Parsing policy.</b> Safe first: DOCTYPEs are read (legacy RSS 0.91 needs them) but nothing external is ever
 * loaded and the JDK's expansion and depth limits are tightened ({@code SecureFeedInput}). Lenient next, where the
 * meaning is plain: charset mistakes ({@code FeedCharsets}), HTML entities (ROME's healer), an RSS root with an
 * unknown version or without a channel, Atom without its namespace, stray control characters ({@code FeedRepairs}).
 * Everything else is a {@link org.agendamonitor.ingest.FeedRejectedException} with a reason; entries without an
 * identity or any text are skipped and counted, never fatal.
 *
 * <p><b>Identity.</b> {@link org.agendamonitor.ingest.ArticleIds}: the id hashes the canonical URL (tracking
 * parameters and fragment removed), so GUID churn and edits keep it; only URL-less items fall back to feed + GUID.
 */
package org.agendamonitor.ingest;
