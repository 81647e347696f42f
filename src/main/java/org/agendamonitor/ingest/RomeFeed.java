package org.agendamonitor.ingest;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;

/**
 * A feed as ROME read it, mapped to {@link FeedItem}s. ROME drops a date it cannot parse; the raw text is recovered
 * from the JDOM document (entries in document order match ROME's entries in order) so {@link FeedDates} can try its
 * extra masks.
 */
record RomeFeed(WireFeed wire, SyndFeed synd, List<FeedItem> items) {
    private static final Set<String> ENTRY_ELEMENTS = Set.of("item", "entry");
    private static final List<String> DATE_ELEMENTS = List.of("pubDate", "published", "date", "issued", "updated",
            "modified", "created", "lastBuildDate");

    static RomeFeed of(Document document, WireFeed wire) throws FeedRejectedException {
        SyndFeed synd;
        List<SyndEntry> entries;
        try {
            synd = new SyndFeedImpl(wire);
            entries = synd.getEntries();
        } catch (RuntimeException e) {
            throw FeedParser.romeFailure("converting", e);
        }
        List<Element> elements = entryElements(document.getRootElement());
        List<FeedItem> items = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Element raw = elements.size() == entries.size() ? elements.get(i) : null;
            try {
                items.add(item(entries.get(i), raw));
            } catch (RuntimeException e) {
                throw FeedParser.romeFailure("reading entry " + (i + 1), e);
            }
        }
        return new RomeFeed(wire, synd, items);
    }

    private static FeedItem item(SyndEntry entry, Element raw) {
        SyndContent title = entry.getTitleEx();
        SyndContent summary = entry.getDescription();
        if (isEmpty(summary) && entry.getContents() != null && !entry.getContents().isEmpty()) {
            summary = entry.getContents().get(0);
        }
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        DCModule dc = (DCModule) entry.getModule(DCModule.URI);
        return new FeedItem(entry.getUri(), link(entry),
                title == null ? entry.getTitle() : title.getValue(), isHtml(title),
                summary == null ? null : summary.getValue(), isHtml(summary),
                dc == null ? null : dc.getLanguage(),
                date == null ? null : date.toInstant(), date == null && raw != null ? rawDate(raw) : null);
    }

    private static String link(SyndEntry entry) {
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink();
        }
        for (SyndLink link : entry.getLinks()) {
            if (link.getHref() != null && (link.getRel() == null || link.getRel().equals("alternate"))) {
                return link.getHref();
            }
        }
        return null;
    }

    /** Atom {@code type="text"} and {@code text/plain} are literal text; everything else (RSS) is treated as HTML. */
    private static boolean isHtml(SyndContent content) {
        if (content == null || content.getType() == null) {
            return true;
        }
        String type = content.getType().toLowerCase(Locale.ROOT);
        return !type.equals("text") && !type.equals("text/plain");
    }

    private static boolean isEmpty(SyndContent content) {
        return content == null || content.getValue() == null || content.getValue().isBlank();
    }

    private static List<Element> entryElements(Element root) {
        List<Element> found = new ArrayList<>();
        collect(root, 0, found);
        return found;
    }

    private static void collect(Element parent, int depth, List<Element> found) {
        for (Element child : parent.getChildren()) {
            if (ENTRY_ELEMENTS.contains(child.getName())) {
                found.add(child);
            } else if (depth < 2) {
                collect(child, depth + 1, found);
            }
        }
    }

    private static String rawDate(Element entry) {
        for (String name : DATE_ELEMENTS) {
            for (Element child : entry.getChildren()) {
                if (child.getName().equals(name) && !child.getTextTrim().isEmpty()) {
                    return child.getTextTrim();
                }
            }
        }
        return null;
    }
}
