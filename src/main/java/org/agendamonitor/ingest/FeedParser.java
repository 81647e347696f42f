package org.agendamonitor.ingest;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.agendamonitor.config.FeedSource;
import org.agendamonitor.model.Article;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;

/**
 * Bytes of one document to {@link Article}s: RSS 0.9x/1.0/2.0 and Atom through ROME ({@link SecureFeedInput}), JSON
 * Feed through Jackson ({@link JsonFeedReader}). Anything that is not a usable feed is a {@link FeedRejectedException}
 * with a precise reason; unchecked exceptions ROME throws on odd input are turned into such refusals too, so one bad
 * feed never escapes as a crash. Entry-level problems skip the entry with a counted reason. Thread-safe.
 */
public final class FeedParser {
    private final ArticleNormalizer normalizer;
    private final JsonFeedReader json = new JsonFeedReader();

    public FeedParser(ArticleNormalizer normalizer) {
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
    }

    public FeedParser() {
        this(new ArticleNormalizer(new LanguageDetector()));
    }

    /**
     * @param body        the document, already size-limited and decompressed
     * @param contentType the HTTP {@code Content-Type}, or null for files
     * @param feed        the feed it belongs to (id, title, URL as base for relative links, declared language)
     * @param fetchedAt   the fetch time, used for undated items
     */
    public ParsedFeed parse(byte[] body, String contentType, FeedSource feed, Instant fetchedAt)
            throws FeedRejectedException {
        Objects.requireNonNull(feed, "feed");
        if (body == null || isBlank(body)) {
            throw new FeedRejectedException(FetchOutcome.PARSE_ERROR, "empty document");
        }
        if (JsonFeedReader.looksLikeJson(body, contentType)) {
            JsonFeedReader.Feed doc = json.read(body);
            return normalize(doc.items(), feed, doc.language(), base(doc.homePage(), feed), null, fetchedAt);
        }
        FeedCharsets.Decoded text = FeedCharsets.decode(body, contentType);
        SecureFeedInput input = new SecureFeedInput();
        Document document = document(input, text.text());
        if (FeedRepairs.isEmptyRss(document)) {
            return new ParsedFeed(List.of(), Map.of(), null);
        }
        RomeFeed rome = RomeFeed.of(document, wireFeed(input, document));
        SyndFeed synd = rome.synd();
        Integer ttl = rome.wire() instanceof Channel channel && channel.getTtl() > 0 ? channel.getTtl() : null;
        return normalize(rome.items(), feed, synd.getLanguage(), base(synd.getLink(), feed), ttl, fetchedAt);
    }

    private ParsedFeed normalize(List<FeedItem> items, FeedSource feed, String language, String base, Integer ttl,
            Instant fetchedAt) {
        List<Article> articles = new ArrayList<>(items.size());
        Map<String, Integer> skipped = new TreeMap<>();
        int undated = 0;
        for (FeedItem item : items) {
            ArticleNormalizer.Result r = normalizer.normalize(item, feed, language, base, fetchedAt);
            if (r.article() == null) {
                skipped.merge(r.skipReason(), 1, Integer::sum);
            } else {
                articles.add(r.article());
                undated += r.undated() ? 1 : 0;
            }
        }
        return new ParsedFeed(articles, skipped, ttl, undated);
    }

    private static Document document(SecureFeedInput input, String text) throws FeedRejectedException {
        try {
            return input.document(text);
        } catch (JDOMParseException e) {
            if (looksLikeHtml(text)) {
                throw new FeedRejectedException(FetchOutcome.NOT_A_FEED, "an HTML page, not a feed", e);
            }
            throw new FeedRejectedException(FetchOutcome.PARSE_ERROR, "not well-formed XML: " + oneLine(e), e);
        } catch (JDOMException | IOException | RuntimeException e) {
            throw new FeedRejectedException(FetchOutcome.PARSE_ERROR, "unreadable XML: " + oneLine(e), e);
        }
    }

    private static WireFeed wireFeed(SecureFeedInput input, Document document) throws FeedRejectedException {
        String root = document.getRootElement().getName().toLowerCase(Locale.ROOT);
        if (root.equals("html")) {
            throw new FeedRejectedException(FetchOutcome.NOT_A_FEED, "an HTML page, not a feed");
        }
        if (root.equals("opml")) {
            throw new FeedRejectedException(FetchOutcome.NOT_A_FEED,
                    "an OPML subscription list, not a feed (use `feeds import`)");
        }
        try {
            try {
                return input.wireFeed(document);
            } catch (IllegalArgumentException e) {
                if (isUnknownFormat(e) && FeedRepairs.repair(document)) {
                    return input.wireFeed(document);
                }
                throw e;
            }
        } catch (FeedException e) {
            throw new FeedRejectedException(FetchOutcome.PARSE_ERROR, "ROME refused the feed: " + oneLine(e), e);
        } catch (IllegalArgumentException e) {
            if (isUnknownFormat(e)) {
                throw new FeedRejectedException(FetchOutcome.NOT_A_FEED,
                        "root element <" + document.getRootElement().getQualifiedName() + "> is not RSS, RDF or Atom");
            }
            throw romeFailure("parsing", e);
        } catch (RuntimeException e) {
            throw romeFailure("parsing", e);
        }
    }

    private static boolean isUnknownFormat(IllegalArgumentException e) {
        return "Invalid document".equals(e.getMessage()); // ROME's message when no parser claims the root element
    }

    /** ROME throws unchecked exceptions (NumberFormatException, IllegalArgumentException...) on odd input. */
    static FeedRejectedException romeFailure(String stage, RuntimeException e) {
        return new FeedRejectedException(FetchOutcome.PARSE_ERROR,
                "ROME failed while " + stage + ": " + e.getClass().getSimpleName() + ": " + oneLine(e), e);
    }

    private static String base(String siteLink, FeedSource feed) {
        String feedUrl = feed.url().toString();
        if (siteLink == null || siteLink.isBlank()) {
            return feedUrl;
        }
        try {
            return URI.create(feedUrl).resolve(siteLink.strip().replace(" ", "%20")).toString();
        } catch (IllegalArgumentException e) {
            return feedUrl;
        }
    }

    private static boolean looksLikeHtml(String text) {
        String start = text.stripLeading();
        start = start.substring(0, Math.min(start.length(), 200)).toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html") || start.contains("<html");
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != 0) {
                return false;
            }
        }
        return true;
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.replaceAll("\\s+", " ").strip();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
