package org.agendamonitor.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.agendamonitor.kafka.Json;

/**
 * JSON Feed 1.0/1.1 (https://www.jsonfeed.org/version/1.1/) with Jackson. Only what an article needs is read:
 * {@code id}, {@code url} (else {@code external_url}), {@code title}, {@code summary} (else {@code content_html}, else
 * {@code content_text}), {@code language} and {@code date_published} (else {@code date_modified}).
 */
final class JsonFeedReader {
    private static final String VERSION_PREFIX = "https://jsonfeed.org/version/";

    record Feed(String homePage, String language, List<FeedItem> items) {
    }

    static boolean looksLikeJson(byte[] body, String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return true;
        }
        for (byte b : body) {
            if (b == '{') {
                return true;
            }
            // whitespace or a UTF-8 BOM may come first; anything else (such as '<') means it is not JSON
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != (byte) 0xEF && b != (byte) 0xBB
                    && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    Feed read(byte[] body) throws FeedRejectedException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new FeedRejectedException(FetchOutcome.PARSE_ERROR, "invalid JSON: " + FeedParser.oneLine(e), e);
        } catch (IOException e) {
            throw new FeedRejectedException(FetchOutcome.PARSE_ERROR, "unreadable JSON: " + FeedParser.oneLine(e), e);
        }
        if (root == null || !root.isObject() || !root.path("version").asText("").startsWith(VERSION_PREFIX)) {
            throw new FeedRejectedException(FetchOutcome.NOT_A_FEED, "JSON, but not a JSON Feed (no version "
                    + VERSION_PREFIX + "...)");
        }
        List<FeedItem> items = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            if (item.isObject()) {
                items.add(item(item));
            }
        }
        return new Feed(text(root, "home_page_url"), text(root, "language"), items);
    }

    private static FeedItem item(JsonNode item) {
        String summary = text(item, "summary");
        boolean html = false;
        if (summary == null) {
            summary = text(item, "content_html");
            html = summary != null;
        }
        if (summary == null) {
            summary = text(item, "content_text");
        }
        String date = text(item, "date_published") != null ? text(item, "date_published")
                : text(item, "date_modified");
        String url = text(item, "url") != null ? text(item, "url") : text(item, "external_url");
        return new FeedItem(text(item, "id"), url, text(item, "title"), false, summary, html,
                text(item, "language"), rfc3339(date), date);
    }

    private static Instant rfc3339(String date) {
        if (date == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(date).toInstant();
        } catch (java.time.DateTimeException e) {
            return null; // FeedDates gets the raw text
        }
    }

    /** A field as text: JSON Feed ids may be numbers; objects and arrays are not text. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }
}
