package org.agendamonitor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedListLoaderTest {
    @TempDir
    Path dir;

    private Path opml(String body) throws IOException {
        return Files.writeString(dir.resolve("feeds.opml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<opml version=\"2.0\"><head><title>t</title></head><body>" + body + "</body></opml>");
    }

    @Test
    void shouldReadNestedOutlinesAsCategoriesWithSlugIds() throws Exception {
        Path file = opml("""
                <outline text="Gobierno">
                  <outline text="México">
                    <outline type="rss" text="Presidencia — Comunicados" xmlUrl="https://gob.example.mx/rss"
                             language="es-MX" interval="30"/>
                  </outline>
                </outline>
                <outline type="rss" title="Wire" text="ignored" xmlUrl="https://wire.example.com/feed"
                         id="wire" interval="PT2H"/>
                """);

        List<FeedSource> feeds = FeedListLoader.load(file);

        assertThat(feeds).containsExactly(
                new FeedSource("presidencia-comunicados", "Presidencia — Comunicados",
                        URI.create("https://gob.example.mx/rss"), "Gobierno/México", "es-mx", Duration.ofMinutes(30)),
                new FeedSource("wire", "Wire", URI.create("https://wire.example.com/feed"), "", null,
                        Duration.ofHours(2)));
    }

    @Test
    void shouldResolvePathsWithoutSchemeAgainstTheOpmlFolder() throws Exception {
        Path file = opml("<outline text=\"Demo\" xmlUrl=\"demo/wire.xml\"/>");

        FeedSource feed = FeedListLoader.load(file).get(0);

        assertThat(feed.url()).isEqualTo(dir.resolve("demo/wire.xml").toUri());
    }

    @Test
    void shouldNameBothOutlinesWhenIdsCollide() throws Exception {
        Path file = opml("""
                <outline text="El País" xmlUrl="https://a.example.com/rss"/>
                <outline text="El Pais" xmlUrl="https://b.example.com/rss"/>
                """);

        assertThatThrownBy(() -> FeedListLoader.load(file)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).singleElement().asString()
                        .contains("duplicate feed id 'el-pais'", "https://a.example.com/rss",
                                "https://b.example.com/rss"));
    }

    @Test
    void shouldListEveryBadOutlineAtOnce() throws Exception {
        Path file = opml("""
                <outline text="Bad interval" xmlUrl="https://a.example.com/rss" interval="soon"/>
                <outline text="Bad language" xmlUrl="https://b.example.com/rss" language="english!"/>
                <outline text="Bad scheme" xmlUrl="ftp://c.example.com/rss"/>
                <outline text="!!!" xmlUrl="https://d.example.com/rss"/>
                <outline text="Same" xmlUrl="https://e.example.com/rss" id="x"/>
                <outline text="Same again" xmlUrl="https://e.example.com/rss" id="y"/>
                <outline text="Missing url" type="rss"/>
                """);

        assertThatThrownBy(() -> FeedListLoader.load(file)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).hasSize(6).anySatisfy(p -> assertThat(p).contains("Bad interval",
                        "interval 'soon'")).anySatisfy(p -> assertThat(p).contains("Bad language", "english!"))
                        .anySatisfy(p -> assertThat(p).contains("Bad scheme", "ftp://c.example.com/rss"))
                        .anySatisfy(p -> assertThat(p).contains("\"!!!\"", "no id attribute"))
                        .anySatisfy(p -> assertThat(p).contains("the same xmlUrl twice"))
                        .anySatisfy(p -> assertThat(p).contains("Missing url", "no xmlUrl")));
    }

    @Test
    void shouldReadBackWhatTheWriterWrote() throws Exception {
        List<FeedSource> feeds = List.of(
                new FeedSource("sre", "SRE — Comunicados", URI.create("https://sre.example.mx/rss?x=1&y=2"),
                        "Gobierno/México", "es", Duration.ofMinutes(45)),
                new FeedSource("wire", "Wire", URI.create("https://wire.example.com/feed"), "", null, null),
                new FeedSource("ustr", "USTR", URI.create("https://ustr.example.gov/rss"), "Gobierno/EE. UU.", "en",
                        null));
        Path file = dir.resolve("roundtrip.opml");

        FeedListWriter.write(file, feeds, "Agenda feeds");

        assertThat(FeedListLoader.load(file)).containsExactlyInAnyOrderElementsOf(feeds);
    }

    @Test
    void shouldRefuseAFileThatIsNotOpml() throws Exception {
        Path file = Files.writeString(dir.resolve("feeds.opml"), "<rss version=\"2.0\"><channel/></rss>");

        assertThatThrownBy(() -> FeedListLoader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("feeds.opml");
    }

    @Test
    void shouldRefuseAFileThatDoesNotExist() {
        assertThatThrownBy(() -> FeedListLoader.load(dir.resolve("missing.opml"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("missing.opml");
    }
}
