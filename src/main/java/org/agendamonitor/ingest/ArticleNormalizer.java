package org.agendamonitor.ingest;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.agendamonitor.config.FeedSource;
import org.agendamonitor.model.Article;
import org.jsoup.Jsoup;

/**
 * Turns a {@link FeedItem} into an {@link Article}: plain text (jsoup, entities decoded, whitespace collapsed, summary
 * capped), an absolute canonical URL and its id, a language and a publication date. Entries that cannot be an
 * article are refused with a reason id that the caller counts. Thread-safe.
 */
public final class ArticleNormalizer {
    public static final String SKIP_NO_LINK_NO_GUID = "no_link_no_guid";
    public static final String SKIP_NO_TITLE_NO_SUMMARY = "no_title_no_summary";
    static final int MAX_SUMMARY_CHARS = 2000;
    static final int MAX_TITLE_CHARS = 500;
    /** A date further ahead than this is a feed bug (wrong zone, wrong year), not a scheduled post. */
    private static final Duration MAX_FUTURE = Duration.ofDays(1);

    /** ISO 639-1 codes; a declaration outside them ("xx", "english") is ignored rather than trusted. */
    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

    private final LanguageDetector detector;

    public ArticleNormalizer(LanguageDetector detector) {
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    /**
     * What normalizing one item gave: an article, or a skip reason.
     *
     * @param article    the article, or null when skipped
     * @param skipReason why the entry was left out, or null
     * @param undated    true when the article carries the fetch time because no usable date was given
     */
    public record Result(Article article, String skipReason, boolean undated) {
    }

    /**
     * @param feed         the feed the item came from (id, title, declared language)
     * @param feedLanguage the language the document declares for the whole feed, or null
     * @param baseUri      what relative links resolve against (the feed's site link, else its URL), or null
     * @param fetchedAt    when the document was fetched
     */
    public Result normalize(FeedItem item, FeedSource feed, String feedLanguage, String baseUri, Instant fetchedAt) {
        String link = absolute(item.link(), baseUri);
        if (link == null && item.guid() != null && isHttp(item.guid())) {
            link = item.guid().strip(); // an RSS guid is a permalink unless it says otherwise
        }
        String url = ArticleIds.canonicalUrl(link);
        String guid = blankToNull(item.guid());
        if (url == null && guid == null) {
            return new Result(null, SKIP_NO_LINK_NO_GUID, false);
        }
        String title = cap(text(item.title(), item.titleIsHtml(), baseUri), MAX_TITLE_CHARS);
        String summary = cap(text(item.summary(), item.summaryIsHtml(), baseUri), MAX_SUMMARY_CHARS);
        if (title.isEmpty() && summary.isEmpty()) {
            return new Result(null, SKIP_NO_TITLE_NO_SUMMARY, false);
        }
        Instant published = FeedDates.plausible(item.published()) ? item.published() : FeedDates.parse(item.rawDate());
        boolean undated = published == null || published.isAfter(fetchedAt.plus(MAX_FUTURE));
        String language = language(item.language(), feed.language(), feedLanguage, title + ". " + summary);
        Article article = new Article(ArticleIds.articleId(url, feed.id(), guid), feed.id(), feed.title(), url, title,
                summary, language, undated ? fetchedAt : published, fetchedAt);
        return new Result(article, null, undated);
    }

    /** Plain text of a fragment: tags dropped, entities decoded, whitespace collapsed. */
    public static String text(String value, boolean isHtml, String baseUri) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String text = isHtml ? Jsoup.parseBodyFragment(value, baseUri == null ? "" : baseUri).text() : value;
        return text.replaceAll("[\\s\\u00A0\\u200B]+", " ").strip();
    }

    /**
     * Language precedence: the item's own declaration, then the operator's (feeds.opml), then the document's, then
     * detection. The operator outranks the document because CMS templates often declare {@code en-us} everywhere.
     */
    String language(String itemLanguage, String configured, String documentLanguage, String text) {
        for (String declared : new String[] {itemLanguage, configured, documentLanguage}) {
            String code = primarySubtag(declared);
            if (code != null) {
                return code;
            }
        }
        return detector.detect(text);
    }

    static String primarySubtag(String tag) {
        if (tag == null) {
            return null;
        }
        String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return ISO_LANGUAGES.contains(primary) ? primary : null;
    }

    static String cap(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        // Cut at a word boundary unless that would lose most of the text (one very long "word").
        return text.substring(0, cut > max / 2 ? cut : max - 1).stripTrailing() + "…";
    }

    private static String absolute(String link, String baseUri) {
        String value = blankToNull(link);
        if (value == null) {
            return null;
        }
        value = value.strip().replace(" ", "%20");
        if (baseUri == null || isHttp(value)) {
            return value;
        }
        try {
            return URI.create(baseUri.strip().replace(" ", "%20")).resolve(value).toString();
        } catch (IllegalArgumentException e) {
            return value; // canonicalUrl then refuses it, and the GUID decides the id
        }
    }

    private static boolean isHttp(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
