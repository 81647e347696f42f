package org.agendamonitor.stream;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.agendamonitor.kafka.Json;
import org.agendamonitor.model.MatchedArticle;
import org.agendamonitor.model.Recommendation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.StreamsMetadata;

/**
 * The read model when several instances share the work: any instance answers for all data. The input partitions
 * are spread over the instances, and so are the stores (counts are kept per partition, next to the articles they
 * count). This class asks Kafka Streams who hosts what ({@link KafkaStreams#metadataForAllStreamsClients()}, each
 * instance advertising its web address as {@code application.server}), reads its own partitions locally and the
 * others' from their {@code /internal/*} routes, and merges by partition: each partition is taken once, from its
 * active task, so nothing is counted twice. While some partition is served by nobody (a rebalance, a peer that
 * just died) it refuses to answer ({@link ReadModelUnavailableException}, a 503) rather than give a short count.
 */
public final class ClusterReadModel extends ForwardingReadModel {
    public static final String COUNTS_PATH = "/internal/match-counts";
    public static final String RECENT_PATH = "/internal/recent-articles";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final TypeReference<Map<Integer, Map<String, Long>>> COUNTS = new TypeReference<>() {
    };
    private static final TypeReference<List<MatchedArticle>> ARTICLES = new TypeReference<>() {
    };

    private final KafkaStreams streams;
    private final InteractiveQueries local;
    private final HostInfo self;
    private final int partitions;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public ClusterReadModel(KafkaStreams streams, InteractiveQueries local, HostInfo self, int partitions) {
        super(local);
        this.streams = Objects.requireNonNull(streams, "streams");
        this.local = Objects.requireNonNull(local, "local");
        this.self = Objects.requireNonNull(self, "self");
        this.partitions = partitions;
    }

    @Override
    public boolean ready() {
        return local.ready();
    }

    @Override
    public String state() {
        return local.state();
    }

    @Override
    public Map<String, Long> matchCounts() {
        Map<Integer, Map<String, Long>> byPartition = new HashMap<>(local.matchCountsByPartition());
        for (HostInfo peer : peers()) {
            get(peer, COUNTS_PATH, COUNTS).forEach(byPartition::putIfAbsent);
        }
        if (byPartition.size() < partitions) {
            TreeSet<Integer> missing = new TreeSet<>();
            for (int p = 0; p < partitions; p++) {
                missing.add(p);
            }
            missing.removeAll(byPartition.keySet());
            throw new ReadModelUnavailableException("partitions " + missing + " are not served by any instance yet");
        }
        Map<String, Long> counts = new HashMap<>();
        byPartition.values().forEach(m -> m.forEach((k, n) -> counts.merge(k, n, Long::sum)));
        return counts;
    }

    @Override
    public List<MatchedArticle> recentArticles(Recommendation recommendation, String language, int limit) {
        List<MatchedArticle> merged = new ArrayList<>(local.recentArticles(recommendation, language, limit));
        String query = "?limit=" + limit + (recommendation == null ? "" : "&recommendation=" + recommendation.id())
                + (language == null ? "" : "&language=" + URLEncoder.encode(language, StandardCharsets.UTF_8));
        for (HostInfo peer : peers()) {
            merged.addAll(get(peer, RECENT_PATH + query, ARTICLES));
        }
        merged.sort(Comparator.comparing(MatchedArticle::publishedAt).reversed().thenComparing(MatchedArticle::id));
        return merged.size() > limit ? List.copyOf(merged.subList(0, limit)) : merged;
    }

    private List<HostInfo> peers() {
        return streams.metadataForAllStreamsClients().stream().map(StreamsMetadata::hostInfo)
                .filter(h -> !h.equals(self)).distinct().toList();
    }

    private <T> T get(HostInfo peer, String pathAndQuery, TypeReference<T> type) {
        URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + pathAndQuery);
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new ReadModelUnavailableException("instance " + peer + " answered " + r.statusCode());
            }
            return Json.MAPPER.readValue(r.body(), type);
        } catch (IOException e) {
            throw new ReadModelUnavailableException("instance " + peer + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadModelUnavailableException("interrupted while asking " + peer, e);
        }
    }
    // Progress, alerts and stories live in recommendation-keyed stores: each instance answers for the
    // recommendations it hosts (inherited forwarding to the local view); counts and articles above are cluster-wide.
}
