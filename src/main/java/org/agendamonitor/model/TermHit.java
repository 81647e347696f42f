package org.agendamonitor.model;

/**
 * Where a matched term stands in the article, for highlighting.
 *
 * @param field {@code title} or {@code summary}
 * @param start character offset of the first char (inclusive) in that field's plain text
 * @param end   character offset after the last char (exclusive)
 * @param text  the text between start and end, as it appears in the article
 */
public record TermHit(String field, int start, int end, String text) {
    public TermHit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad offsets " + start + ".." + end);
        }
    }
}
