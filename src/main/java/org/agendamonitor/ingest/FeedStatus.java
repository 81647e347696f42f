package org.agendamonitor.ingest;

import java.time.Instant;

/**
 * The fetch status of one feed, as {@code /api/feeds} shows it (Jackson-serializable; instants as ISO-8601).
 *
 * @param lastOutcome         {@link FetchOutcome#id()} of the last poll, or null before the first
 * @param lastSuccess         when the feed last answered usefully (ok or not_modified), or null
 * @param lastError           the last failure's explanation, or null when the last poll succeeded
 * @param consecutiveFailures failed polls since the last success; drives the back-off
 * @param nextPoll            when the feed is polled next
 * @param itemsSeen           articles in the most recent document parsed
 */
public record FeedStatus(String feedId, String title, String url, String category, String lastOutcome,
        Instant lastSuccess, String lastError, int consecutiveFailures, Instant nextPoll, int itemsSeen) {
}
