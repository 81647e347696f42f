package org.agendamonitor.ingest;

import java.time.Instant;

/**
 * One entry as a feed format gives it, before normalization: fields may be null, HTML, relative or messy.
 *
 * @param guid        the entry's own id (RSS guid, Atom id, JSON Feed id), or null
 * @param link        the entry's link as written, possibly relative, or null
 * @param title       title as written
 * @param titleIsHtml whether {@code title} is markup (false for Atom {@code type="text"})
 * @param summary     description, summary or content
 * @param summaryIsHtml whether {@code summary} is markup
 * @param language    language the entry declares, or null
 * @param published   the date the format library could read, or null
 * @param rawDate     the date text as written, for a second attempt when {@code published} is null
 */
public record FeedItem(String guid, String link, String title, boolean titleIsHtml, String summary,
        boolean summaryIsHtml, String language, Instant published, String rawDate) {
}
