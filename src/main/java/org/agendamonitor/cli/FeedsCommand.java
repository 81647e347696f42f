package org.agendamonitor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.agendamonitor.config.AppConfig;
import org.agendamonitor.config.ConfigException;
import org.agendamonitor.config.FeedListLoader;
import org.agendamonitor.config.FeedListWriter;
import org.agendamonitor.config.FeedSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code feeds import FILE.opml} merges a subscription list into the configured {@code feeds.opml} (validated first,
 * no duplicate URLs, clashing ids renamed with a number); {@code feeds export} prints the configured list as OPML.
 */
@Command(name = "feeds", mixinStandardHelpOptions = true, description = "Import or export the feed list (OPML).",
        subcommands = {FeedsCommand.Import.class, FeedsCommand.Export.class})
public final class FeedsCommand implements Callable<Integer> {
    static final String TITLE = "Agenda Monitor feeds";

    @Spec
    CommandSpec spec;

    public FeedsCommand() {
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    private static List<FeedSource> configured(AppConfig config) {
        return Files.exists(config.feedsFile()) ? FeedListLoader.load(config.feedsFile()) : List.of();
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Validate FILE.opml and merge its feeds into the configured feeds.opml.")
    public static final class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE.opml")
        Path file;

        @picocli.CommandLine.Mixin
        ConfigOptions options;

        @Spec
        CommandSpec spec;

        public Import() {
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            try {
                AppConfig config = options.load(false);
                List<FeedSource> merged = new ArrayList<>(configured(config));
                List<FeedSource> incoming = FeedListLoader.load(file);
                int added = merge(merged, incoming);
                FeedListWriter.write(config.feedsFile(), merged, TITLE);
                out.println("imported=" + added + " already_present=" + (incoming.size() - added) + " feeds="
                        + merged.size() + " file=" + config.feedsFile());
                return 0;
            } catch (ConfigException e) {
                e.problems().forEach(spec.commandLine().getErr()::println);
                return 2;
            }
        }

        /** Adds the feeds whose URL is new; an id already taken gets {@code -2}, {@code -3}... Returns how many. */
        static int merge(List<FeedSource> into, List<FeedSource> incoming) {
            Set<URI> urls = new HashSet<>();
            Set<String> ids = new HashSet<>();
            into.forEach(f -> {
                urls.add(f.url());
                ids.add(f.id());
            });
            int added = 0;
            for (FeedSource f : incoming) {
                if (!urls.add(f.url())) {
                    continue;
                }
                String id = f.id();
                for (int n = 2; ids.contains(id); n++) {
                    id = f.id() + "-" + n;
                }
                ids.add(id);
                into.add(new FeedSource(id, f.title(), f.url(), f.category(), f.language(), f.pollInterval()));
                added++;
            }
            return added;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Print the configured feed list as OPML 2.0.")
    public static final class Export implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        ConfigOptions options;

        @Spec
        CommandSpec spec;

        public Export() {
        }

        @Override
        public Integer call() {
            try {
                AppConfig config = options.load(false);
                spec.commandLine().getOut().print(FeedListWriter.toOpml(configured(config), TITLE));
                spec.commandLine().getOut().flush();
                return 0;
            } catch (ConfigException e) {
                e.problems().forEach(spec.commandLine().getErr()::println);
                return 2;
            }
        }
    }
}
