package org.agendamonitor.stream;

import java.time.Instant;

/**
 * Keys of {@link StoreNames#RECENT_MATCHES}: the publish time inverted and zero-padded, then the article id, so the
 * store's byte order is newest first. Also the key format of match counts ("recommendation|language").
 */
public final class RecentKey {
    private RecentKey() {
    }

    public static String of(Instant publishedAt, String articleId) {
        long inverted = Long.MAX_VALUE - Math.max(0L, publishedAt.toEpochMilli());
        return String.format("%019d|%s", inverted, articleId);
    }

    public static String countKey(String recommendation, String language) {
        return recommendation + "|" + language;
    }
}
