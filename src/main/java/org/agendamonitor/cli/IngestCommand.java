package org.agendamonitor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.agendamonitor.config.AppConfig;
import org.agendamonitor.config.ConfigException;
import org.agendamonitor.ingest.ArticlePublisher;
import org.agendamonitor.ingest.FeedFiles;
import org.agendamonitor.ingest.FeedParser;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ingest PATH... [--config DIR] [--set k=v]...}: parses feed files (folders recursively) with the production
 * parser and limits and publishes their articles to {@code agenda.articles.raw.v1} of a running instance's broker,
 * for backfill and replay. Each file is its own feed, id {@code file-<slug of the file name>}. Re-ingesting a file is
 * harmless: the topology drops articles whose id it has seen.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Publish the articles of feed files to a running instance's broker.")
public final class IngestCommand implements Callable<Integer> {
    /** Fail fast when no broker answers, rather than Kafka's one-minute default. */
    private static final String MAX_BLOCK_MS = "15000";

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Feed files or folders (searched recursively).")
    List<Path> paths;

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    public IngestCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AppConfig config;
        try {
            config = options.load(false);
        } catch (ConfigException e) {
            e.problems().forEach(err::println);
            return 2;
        }
        FeedFiles files = new FeedFiles(new FeedParser(), config.ingest(), FeedFiles.DEFAULT_TIME_LIMIT,
                Clock.systemUTC());
        List<FeedFiles.FileResult> results = files.checkAll(FeedFiles.collect(paths), 2);
        Properties producer = config.producerProperties("agenda-ingest");
        producer.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        int published = 0;
        int articles = 0;
        try (ArticlePublisher publisher = new ArticlePublisher(producer, null)) {
            for (FeedFiles.FileResult r : results) {
                if (r.verdict() == FeedFiles.Verdict.OK && !r.articles().isEmpty()) {
                    publisher.publish(FeedFiles.feedFor(r.path()), r.articles());
                    published++;
                    articles += r.articles().size();
                }
                out.println(r.line());
            }
        } catch (KafkaException e) {
            err.println("could not publish to " + config.kafka().clientBootstrap() + ": " + e.getMessage());
            return 1;
        }
        long failed = results.stream().filter(r -> r.verdict() != FeedFiles.Verdict.OK).count();
        out.println("files=" + results.size() + " published=" + published + " articles=" + articles
                + " not_published=" + failed);
        out.flush();
        return 0;
    }
}
