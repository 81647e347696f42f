package org.agendamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shared feed corpus (5,048 real-world and edge-case files) through exactly what {@code check-feeds} runs:
 * nothing may crash or hang, and at least 4,650 files must parse (plain ROME 2.1.0 manages 4,591).
 */
class FeedCorpusTest {
    private static final int MIN_PARSED = 4_650;

    /** The corpus sits beside the project ({@code ../shared}); a git worktree is one level deeper. */
    private static Path corpus() {
        return Stream.of(Path.of("..", "shared", "corpus", "feeds"), Path.of("..", "..", "shared", "corpus", "feeds"))
                .filter(Files::isDirectory).findFirst().orElse(null);
    }

    @Test
    void shouldParseTheSharedCorpusWithoutCrashing() throws IOException {
        Path corpus = corpus();
        assumeTrue(corpus != null, "shared feed corpus not found at ../shared/corpus/feeds: FeedCorpusTest skipped");

        List<FeedFiles.FileResult> results = FeedFiles.withDefaults().checkAll(FeedFiles.collect(List.of(corpus)), 2);

        Map<String, int[]> byKind = byKind(corpus, results);
        byKind.forEach((kind, c) -> System.out.printf("corpus kind=%s files=%d parsed=%d rejected=%d crashed=%d%n",
                kind, c[0] + c[1] + c[2], c[0], c[1], c[2]));
        int[] total = byKind.values().stream().reduce(new int[3], (a, b) -> new int[] {a[0] + b[0], a[1] + b[1],
            a[2] + b[2]});
        System.out.printf("corpus files=%d parsed=%d rejected=%d crashed=%d%n", results.size(), total[0], total[1],
                total[2]);
        assertThat(results).filteredOn(r -> r.verdict() == FeedFiles.Verdict.CRASHED)
                .extracting(r -> r.path() + " " + r.reason()).isEmpty();
        assertThat(total[0]).isGreaterThanOrEqualTo(MIN_PARSED);
    }

    /** Counts per corpus kind (from index.tsv: path, size, kind, source); [parsed, rejected, crashed]. */
    private static Map<String, int[]> byKind(Path corpus, List<FeedFiles.FileResult> results) throws IOException {
        Map<String, String> kinds = new TreeMap<>();
        Path index = corpus.resolve("index.tsv");
        if (Files.isRegularFile(index)) {
            for (String line : Files.readAllLines(index)) {
                String[] cols = line.split("\t");
                if (cols.length >= 3) {
                    kinds.put(cols[0], cols[2]);
                }
            }
        }
        Map<String, int[]> counts = new TreeMap<>();
        for (FeedFiles.FileResult r : results) {
            String relative = corpus.relativize(r.path()).toString().replace('\\', '/');
            counts.computeIfAbsent(kinds.getOrDefault(relative, "unindexed"), k -> new int[3])[r.verdict().ordinal()]++;
        }
        return counts;
    }
}
