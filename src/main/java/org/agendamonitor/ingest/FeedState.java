package org.agendamonitor.ingest;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.agendamonitor.config.FeedSource;

/**
 * The scheduler's mutable record of one feed. Guarded by its own monitor: a feed is polled by one worker at a time
 * ({@code inFlight}), while {@code statuses()} may read it from any thread.
 */
final class FeedState {
    /** Ids already handed to the sink, so a re-poll sends only new articles; bounded, oldest forgotten first. */
    private static final int REMEMBERED_IDS = 5_000;

    final FeedSource feed;
    private Validators validators = Validators.NONE;
    private FetchOutcome lastOutcome;
    private Instant lastSuccess;
    private String lastError;
    private int consecutiveFailures;
    private Instant nextPoll;
    private int itemsSeen;
    private boolean inFlight;
    private final Map<String, Boolean> sentIds = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    };

    FeedState(FeedSource feed, Instant firstPoll) {
        this.feed = feed;
        this.nextPoll = firstPoll;
    }

    /** Claims the feed for one poll when it is due and idle. */
    synchronized boolean claimIfDue(Instant now) {
        if (inFlight || nextPoll.isAfter(now)) {
            return false;
        }
        inFlight = true;
        return true;
    }

    synchronized void pollNow(Instant now) {
        nextPoll = now;
    }

    synchronized Validators validators() {
        return validators;
    }

    synchronized boolean wasSent(String articleId) {
        return sentIds.containsKey(articleId);
    }

    synchronized void markSent(Collection<String> articleIds) {
        articleIds.forEach(id -> sentIds.put(id, Boolean.TRUE));
    }

    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    synchronized void succeeded(FetchOutcome outcome, Validators newValidators, int items, Instant now,
            Instant next) {
        lastOutcome = outcome;
        validators = newValidators;
        lastSuccess = now;
        lastError = null;
        consecutiveFailures = 0;
        if (outcome == FetchOutcome.OK) {
            itemsSeen = items;
        }
        nextPoll = next;
        inFlight = false;
    }

    /** A failed poll; the validators stay as they were, so nothing the sink did not take is skipped next time. */
    synchronized void failed(FetchOutcome outcome, String error, Instant next) {
        lastOutcome = outcome;
        lastError = error;
        consecutiveFailures++;
        nextPoll = next;
        inFlight = false;
    }

    synchronized FeedStatus status() {
        return new FeedStatus(feed.id(), feed.title(), feed.url().toString(), feed.category(),
                lastOutcome == null ? null : lastOutcome.id(), lastSuccess, lastError, consecutiveFailures, nextPoll,
                itemsSeen);
    }
}
