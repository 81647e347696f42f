package org.agendamonitor.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.agendamonitor.config.FeedSource;
import org.agendamonitor.config.IngestSettings;
import org.agendamonitor.config.Slugs;
import org.agendamonitor.model.Article;

/**
 * Feed files through exactly the production path: the fetcher's size limit, then {@link FeedParser}. Used by
 * {@code check-feeds}, {@code ingest PATH...} and the corpus test. Each parse runs on a worker thread with a time
 * limit, so a hang is reported as CRASHED instead of hanging the command.
 */
public final class FeedFiles {
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);
    /** The test corpus's own bookkeeping, which is not feed data (see its MANIFEST.md). */
    private static final Set<String> CORPUS_METADATA = Set.of("MANIFEST.md", "index.tsv", "expectations.tsv",
            "xml-check.tsv");
    private static final String LICENSES_DIR = "_licenses";

    /** How one file fared. */
    public enum Verdict { OK, REJECTED, CRASHED }

    /**
     * @param articles the parsed articles (empty unless OK)
     * @param reason   why it was refused or crashed; for OK, a note on skipped entries (may be empty)
     */
    public record FileResult(Path path, Verdict verdict, List<Article> articles, String reason) {
        /** The {@code check-feeds} line: {@code OK|REJECTED|CRASHED <path> items=<n> <reason>}. */
        public String line() {
            return (verdict + " " + path + " items=" + articles.size() + " " + reason).strip();
        }
    }

    /** What parses one document; {@link FeedParser#parse} in production, a misbehaving stand-in in tests. */
    @FunctionalInterface
    interface DocumentParser {
        ParsedFeed parse(byte[] body, String contentType, FeedSource feed, Instant fetchedAt)
                throws FeedRejectedException;
    }

    private final DocumentParser parser;
    private final long maxBodyBytes;
    private final Duration timeLimit;
    private final Clock clock;

    public FeedFiles(FeedParser parser, IngestSettings settings, Duration timeLimit, Clock clock) {
        this(Objects.requireNonNull(parser, "parser")::parse, settings, timeLimit, clock);
    }

    FeedFiles(DocumentParser parser, IngestSettings settings, Duration timeLimit, Clock clock) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.maxBodyBytes = settings.maxBodyBytes();
        this.timeLimit = Objects.requireNonNull(timeLimit, "timeLimit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The production parser and limits with default settings. */
    public static FeedFiles withDefaults() {
        return new FeedFiles(new FeedParser(), IngestSettings.defaults(), DEFAULT_TIME_LIMIT, Clock.systemUTC());
    }

    /** Files given directly, and every regular file below the given folders (sorted), minus corpus bookkeeping. */
    public static List<Path> collect(List<Path> roots) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                files.add(root);
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(p -> !isCorpusMetadata(root, p)).sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
        }
        return files;
    }

    private static boolean isCorpusMetadata(Path root, Path file) {
        Path relative = root.relativize(file);
        return relative.getNameCount() == 1 && CORPUS_METADATA.contains(relative.toString())
                || relative.getName(0).toString().equals(LICENSES_DIR);
    }

    /** The feed a file stands for: id {@code file-<slug of the file name>}, its URI as URL. */
    public static FeedSource feedFor(Path file) {
        String slug = Slugs.slug(String.valueOf(file.getFileName()));
        return new FeedSource("file-" + (slug.isEmpty() ? "unnamed" : slug), String.valueOf(file.getFileName()),
                file.toAbsolutePath().toUri(), "", null, null);
    }

    /** Checks the files with {@code parallelism} at a time; results in the order of {@code files}. */
    public List<FileResult> checkAll(List<Path> files, int parallelism) {
        ExecutorService workers = Executors.newCachedThreadPool(daemon("feed-files-worker"));
        ExecutorService supervisors = Executors.newFixedThreadPool(Math.max(1, parallelism),
                daemon("feed-files-supervisor"));
        try {
            List<Future<FileResult>> pending = new ArrayList<>(files.size());
            for (Path file : files) {
                pending.add(supervisors.submit(() -> checkOn(workers, file)));
            }
            List<FileResult> results = new ArrayList<>(files.size());
            for (Future<FileResult> f : pending) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking feed files", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("supervisor failed", e.getCause());
        } finally {
            supervisors.shutdownNow();
            workers.shutdownNow(); // a worker stuck in a hang is a daemon thread and does not keep the JVM alive
        }
    }

    /** Checks one file (on a worker thread, under the time limit). */
    public FileResult check(Path file) {
        return checkAll(List.of(file), 1).get(0);
    }

    private FileResult checkOn(ExecutorService workers, Path file) {
        Future<FileResult> task = workers.submit(() -> parse(file));
        try {
            return task.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return new FileResult(file, Verdict.CRASHED, List.of(), "no result after " + timeLimit.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new FileResult(file, Verdict.CRASHED, List.of(),
                    cause.getClass().getName() + ": " + FeedParser.oneLine(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            return new FileResult(file, Verdict.CRASHED, List.of(), "interrupted");
        }
    }

    private FileResult parse(Path file) {
        byte[] body;
        try {
            body = BodyReader.readFile(file, maxBodyBytes);
        } catch (BodyReader.TooLargeException e) {
            return new FileResult(file, Verdict.REJECTED, List.of(), "too_large: " + e.getMessage());
        } catch (IOException e) {
            return new FileResult(file, Verdict.REJECTED, List.of(), "cannot read: " + FeedParser.oneLine(e));
        }
        try {
            ParsedFeed parsed = parser.parse(body, null, feedFor(file), clock.instant());
            String note = parsed.skippedByReason().isEmpty() ? "" : "skipped " + parsed.skippedByReason();
            return new FileResult(file, Verdict.OK, parsed.articles(), note);
        } catch (FeedRejectedException e) {
            return new FileResult(file, Verdict.REJECTED, List.of(), e.outcome().id() + ": " + e.getMessage());
        }
    }

    static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
