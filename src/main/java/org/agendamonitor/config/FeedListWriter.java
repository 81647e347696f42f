package org.agendamonitor.config;

import com.rometools.opml.feed.opml.Attribute;
import com.rometools.opml.feed.opml.Opml;
import com.rometools.opml.feed.opml.Outline;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a feed list as OPML 2.0 with rome-opml, the inverse of {@link FeedListLoader}: categories become nested
 * outlines, and {@code id}, {@code language} and {@code interval} (ISO-8601) are kept as attributes, so
 * {@code load(write(feeds))} gives the same feeds back.
 */
public final class FeedListWriter {
    private FeedListWriter() {
    }

    public static String toOpml(List<FeedSource> feeds, String title) {
        Opml opml = new Opml();
        opml.setFeedType("opml_2.0");
        opml.setTitle(title);
        Folder root = new Folder();
        for (FeedSource feed : feeds) {
            Folder folder = root;
            if (!feed.category().isBlank()) {
                for (String part : feed.category().split("/")) {
                    folder = folder.children.computeIfAbsent(part, k -> new Folder());
                }
            }
            folder.feeds.add(outline(feed));
        }
        opml.setOutlines(root.outlines());
        try {
            return new WireFeedOutput().outputString(opml, true);
        } catch (FeedException e) {
            throw new IllegalStateException("rome-opml could not write the feed list: " + e.getMessage(), e);
        }
    }

    /** Replaces {@code file} in one step (write beside it, then move), so a crash never leaves half a feed list. */
    public static void write(Path file, List<FeedSource> feeds, String title) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, toOpml(feeds, title), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Outline outline(FeedSource feed) {
        Outline outline = new Outline();
        outline.setText(feed.title());
        outline.setTitle(feed.title());
        outline.setType("rss");
        List<Attribute> attributes = outline.getAttributes();
        attributes.add(new Attribute("xmlUrl", feed.url().toString()));
        attributes.add(new Attribute("id", feed.id()));
        if (feed.language() != null) {
            attributes.add(new Attribute("language", feed.language()));
        }
        if (feed.pollInterval() != null) {
            attributes.add(new Attribute("interval", feed.pollInterval().toString()));
        }
        return outline;
    }

    /** Categories as a tree, in first-seen order. */
    private static final class Folder {
        final Map<String, Folder> children = new LinkedHashMap<>();
        final List<Outline> feeds = new ArrayList<>();

        List<Outline> outlines() {
            List<Outline> all = new ArrayList<>();
            children.forEach((name, folder) -> {
                Outline outline = new Outline();
                outline.setText(name);
                outline.setTitle(name);
                outline.setChildren(folder.outlines());
                all.add(outline);
            });
            all.addAll(feeds);
            return all;
        }
    }
}
