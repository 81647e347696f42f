package org.agendamonitor.config;

import com.rometools.opml.feed.opml.Opml;
import com.rometools.opml.feed.opml.Outline;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code feeds.opml} with rome-opml into {@link FeedSource}s. Nested outlines are categories (joined with
 * {@code /}); an outline with {@code xmlUrl} is a feed. Optional attributes: {@code id} (else a slug of the title),
 * {@code language} ({@code en}, {@code es-MX}) and {@code interval} (minutes, or an ISO-8601 duration such as
 * {@code PT30M}). A URL without a scheme is a file relative to the OPML file (handy for demo feeds). Every problem is
 * collected and reported at once, each naming the outline's title and URL.
 */
public final class FeedListLoader {
    private FeedListLoader() {
    }

    public static List<FeedSource> load(Path opml) {
        Opml document = read(opml);
        List<FeedSource> feeds = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        walk(opml, document.getOutlines(), "", feeds, problems);
        checkUnique(opml, feeds, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return List.copyOf(feeds);
    }

    private static Opml read(Path opml) {
        try (Reader reader = Files.newBufferedReader(opml, StandardCharsets.UTF_8)) {
            WireFeed feed = new WireFeedInput().build(reader);
            if (feed instanceof Opml document) {
                return document;
            }
            throw new ConfigException(opml + ": not an OPML document (found " + feed.getFeedType() + ")");
        } catch (IOException e) {
            throw new ConfigException(opml + ": cannot be read: " + e.getMessage());
        } catch (FeedException | IllegalArgumentException e) {
            throw new ConfigException(opml + ": not a valid OPML document: " + e.getMessage());
        }
    }

    private static void walk(Path opml, List<Outline> outlines, String category, List<FeedSource> feeds,
            List<String> problems) {
        for (Outline outline : outlines) {
            String name = firstNonBlank(outline.getTitle(), outline.getText());
            if (outline.getXmlUrl() != null) {
                FeedSource feed = feed(opml, outline, name, category, problems);
                if (feed != null) {
                    feeds.add(feed);
                }
            } else if (!outline.getChildren().isEmpty()) {
                String folder = name == null ? "" : name.strip();
                walk(opml, outline.getChildren(), category.isEmpty() ? folder : category + "/" + folder, feeds,
                        problems);
            } else if ("rss".equalsIgnoreCase(outline.getType())) {
                problems.add(where(opml, name, null) + ": type=\"rss\" but no xmlUrl");
            }
        }
    }

    private static FeedSource feed(Path opml, Outline outline, String name, String category, List<String> problems) {
        String rawUrl = outline.getXmlUrl().strip();
        String where = where(opml, name, rawUrl);
        int before = problems.size();
        URI url = url(opml, rawUrl, where, problems);
        String explicitId = outline.getAttributeValue("id");
        String id = explicitId != null && !explicitId.isBlank() ? explicitId.strip() : Slugs.slug(name);
        if (id.isEmpty()) {
            problems.add(where + ": no id attribute and no title to derive one from");
        } else if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            problems.add(where + ": id '" + id + "' may only use letters, digits, '.', '_' and '-'");
        }
        String language = outline.getAttributeValue("language");
        if (language != null && !language.strip().matches("(?i)[a-z]{2,3}([-_][a-z0-9]{2,8})*")) {
            problems.add(where + ": language '" + language + "' is not a language tag such as 'en' or 'es-MX'");
        }
        Duration interval = interval(outline.getAttributeValue("interval"), where, problems);
        if (problems.size() > before) {
            return null;
        }
        return new FeedSource(id, name, url, category, language == null ? null : language.strip()
                .toLowerCase(Locale.ROOT), interval);
    }

    private static URI url(Path opml, String raw, String where, List<String> problems) {
        try {
            URI uri = new URI(raw.replace(" ", "%20"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.isEmpty() || scheme.equals("file") && uri.isOpaque()) {
                // A path, or a relative file: URL, is resolved against the OPML file's folder, so a feed list
                // with its feed files beside it (the demo) works from any working directory.
                Path base = opml.toAbsolutePath().getParent();
                return base.resolve(scheme.isEmpty() ? raw : uri.getSchemeSpecificPart()).normalize().toUri();
            }
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    || scheme.equals("file") && !uri.isOpaque()) {
                return uri;
            }
            problems.add(where + ": xmlUrl must be an absolute http(s) or file: URL, or a path");
        } catch (URISyntaxException | IllegalArgumentException e) {
            problems.add(where + ": xmlUrl is not a URL: " + e.getMessage());
        }
        return null;
    }

    private static Duration interval(String value, String where, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            Duration d = v.chars().allMatch(Character::isDigit) ? Duration.ofMinutes(Long.parseLong(v))
                    : Duration.parse(v.toUpperCase(Locale.ROOT));
            if (d.isNegative() || d.isZero()) {
                problems.add(where + ": interval '" + v + "' must be positive");
                return null;
            }
            return d;
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            problems.add(where + ": interval '" + v + "' is neither minutes nor an ISO-8601 duration such as PT30M");
            return null;
        }
    }

    private static void checkUnique(Path opml, List<FeedSource> feeds, List<String> problems) {
        Map<String, FeedSource> byId = new HashMap<>();
        Map<URI, FeedSource> byUrl = new HashMap<>();
        for (FeedSource feed : feeds) {
            FeedSource sameId = byId.putIfAbsent(feed.id(), feed);
            if (sameId != null) {
                problems.add(opml + ": duplicate feed id '" + feed.id() + "': " + describe(sameId) + " and "
                        + describe(feed) + " (set an id attribute on one of them)");
            }
            FeedSource sameUrl = byUrl.putIfAbsent(feed.url(), feed);
            if (sameUrl != null) {
                problems.add(opml + ": the same xmlUrl twice: " + describe(sameUrl) + " and " + describe(feed));
            }
        }
    }

    private static String describe(FeedSource feed) {
        return "outline \"" + feed.title() + "\" (" + feed.url() + ")";
    }

    private static String where(Path opml, String name, String url) {
        return opml + ": outline \"" + (name == null ? "" : name) + "\"" + (url == null ? "" : " (" + url + ")");
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : b != null && !b.isBlank() ? b.strip() : null;
    }
}
