package org.agendamonitor.cli;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.agendamonitor.alert.AlertDispatcher;
import org.agendamonitor.alert.AlertSink;
import org.agendamonitor.alert.EmailSink;
import org.agendamonitor.alert.LogSink;
import org.agendamonitor.alert.WebhookSink;
import java.util.Properties;
import org.agendamonitor.config.AgendaSpec;
import org.agendamonitor.config.AgendaSpecLoader;
import org.agendamonitor.config.AppConfig;
import org.agendamonitor.config.FeedListLoader;
import org.agendamonitor.config.FeedSource;
import org.agendamonitor.config.Milestone;
import org.agendamonitor.ingest.ArticlePublisher;
import org.agendamonitor.ingest.FeedScheduler;
import org.agendamonitor.kafka.BrokerProbe;
import org.agendamonitor.kafka.EmbeddedKafkaBroker;
import org.agendamonitor.kafka.FeedOwnership;
import org.agendamonitor.kafka.TopicAdmin;
import org.agendamonitor.kafka.TopicSettingsCheck;
import org.agendamonitor.kafka.TopicSpec;
import org.agendamonitor.kafka.Topics;
import org.agendamonitor.match.AgendaMatcher;
import org.agendamonitor.metrics.AgendaMetrics;
import org.agendamonitor.metrics.MatchedCounters;
import org.agendamonitor.metrics.MetricsRegistryFactory;
import org.agendamonitor.metrics.ProgressGauges;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.stream.AgendaReadModel;
import org.agendamonitor.stream.AgendaTopology;
import org.agendamonitor.stream.BrokerAwareReadModel;
import org.agendamonitor.stream.ClusterReadModel;
import org.agendamonitor.stream.InteractiveQueries;
import org.agendamonitor.stream.MatchAhead;
import org.agendamonitor.stream.ProgressFunctions;
import org.agendamonitor.stream.RecentKey;
import org.agendamonitor.stream.StreamsPlan;
import org.agendamonitor.web.WebServer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of {@code run}: builds every part from the configuration, starts them in dependency order
 * (broker → topics → streams → ingest → web) and closes them in reverse. The only place that decides lifetimes.
 */
public final class MonitorApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorApp.class);
    private static final List<String> LANGUAGES = List.of("en", "es", "und");

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private AppConfig config;
    private KafkaStreams streams;
    private FeedScheduler scheduler;
    private WebServer web;

    private MonitorApp() {
    }

    public static MonitorApp start(AppConfig config) {
        MonitorApp app = new MonitorApp();
        try {
            app.startAll(config);
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private void startAll(AppConfig initial) {
        long started = System.nanoTime();
        config = initial;
        AgendaSpec agenda = AgendaSpecLoader.load(config.agendaFile());
        List<FeedSource> feeds = FeedListLoader.load(config.feedsFile());
        PrometheusMeterRegistry registry = MetricsRegistryFactory.prometheus();
        AgendaMetrics metrics = new AgendaMetrics(registry);

        if (config.kafka().embedded()) {
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(config.dataDir().resolve("kafka"),
                    config.kafka().embeddedPort(), config.kafka().controllerPort()).start();
            toClose.push(broker);
            config = config.withKafka(config.kafka().withEmbeddedPort(broker.port()));
        }
        new TopicAdmin(config.kafka().clientBootstrap()).ensureTopics(Topics.ALL, config.kafka().partitions(),
                config.kafka().replicationFactor());
        new TopicSettingsCheck(config.kafka().clientBootstrap())
                .warnIfWeakened(Topics.ALL.stream().map(TopicSpec::name).toList());
        BrokerProbe broker = new BrokerProbe(config.kafka().clientBootstrap(), Clock.systemUTC()).start();
        toClose.push(broker);

        AgendaMatcher matcher = new AgendaMatcher(agenda);
        toClose.push(matcher);
        ProgressFunctions progress = ProgressFunctions.fromAgenda(agenda);
        StreamsPlan plan = topology(matcher::match, metrics, progress, AgendaTopology.Stage.ALL,
                config.kafka().matchAheadThreads());
        toClose.push(plan);
        Properties streamsProperties = plan.settings(config.streamsProperties());
        HostInfo advertised = advertisedWebAddress(streamsProperties);
        streams = new KafkaStreams(plan.topology(), streamsProperties);
        // Per-record failures never reach this handler (they go to the dead-letter topic inside the topology);
        // what does is infrastructure trouble, such as a broker that went away, where a fresh thread is the cure.
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed, replacing it error={}", e.toString(), e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> LOG.info("kafka streams state from={} to={}", before, now));
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        toClose.push(streamsMetrics);
        streams.start();
        // Leave the group on close: otherwise a restarted instance waits out the old member's session timeout
        // (45 s) before it gets its partitions back.
        toClose.push(() -> streams.close(new KafkaStreams.CloseOptions().timeout(Duration.ofSeconds(15))
                .leaveGroup(true)));
        InteractiveQueries queries = new InteractiveQueries(streams, config.kafka().partitions(), progress.progress(),
                Clock.systemUTC());
        MatchedCounters matchedCounters = registerMatchedCounters(metrics, queries);
        ProgressGauges progressGauges = registerProgressGauges(metrics, queries, agenda);
        metrics.streamsRunningFrom(queries::ready);
        toClose.push(startAlertDispatcher(metrics));
        // Several instances: each answers for all partitions (peers asked over /internal/*). Gauges stay local.
        AgendaReadModel served = advertised == null ? queries
                : new ClusterReadModel(streams, queries, advertised, config.kafka().partitions());
        AgendaReadModel readModel = new BrokerAwareReadModel(served, broker::status, Clock.systemUTC());

        ArticlePublisher publisher = new ArticlePublisher(config.producerProperties("agenda-ingest"), metrics);
        toClose.push(publisher);
        scheduler = new FeedScheduler(feeds, config.ingest(), publisher, metrics, Clock.systemUTC());
        if (!config.kafka().embedded()) {
            scheduler.restrictTo(feedOwnership());
        }
        toClose.push(scheduler);
        if (config.ingest().enabled()) {
            scheduler.start();
        }

        Map<Recommendation, String> titles = new EnumMap<>(Recommendation.class);
        agenda.recommendations().forEach(r -> titles.put(r.id(), r.title()));
        web = new WebServer(config.web(), readModel, titles, scheduler::statuses, () -> {
            progressGauges.refresh();
            matchedCounters.refresh();
            return registry.scrape();
        });
        if (advertised != null) {
            web.withInternalRoutes(queries);
        }
        web.start();
        toClose.push(web);
        LOG.info("agenda monitor started feeds={} web={} kafka={} took_ms={}", feeds.size(), web.url(),
                config.kafka().clientBootstrap(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The production topology, with any match function, up to a stage, and its helpers: {@code run} builds it here
     * with the agenda's matcher and {@link AgendaTopology.Stage#ALL}, and the benchmark the same way for its section
     * 2, so that it measures what {@code run} runs.
     */
    static StreamsPlan topology(Function<Article, List<Match>> matcher, AgendaMetrics metrics,
            ProgressFunctions progress, AgendaTopology.Stage through, int matchAheadThreads) {
        AgendaTopology topology = new AgendaTopology(matcher, metrics, Clock.systemUTC(), progress);
        if (matchAheadThreads == 0) {
            return StreamsPlan.of(topology.build(through));
        }
        MatchAhead ahead = new MatchAhead(matcher, matchAheadThreads, MatchAhead.CAPACITY, metrics);
        return new StreamsPlan(topology.matchingAhead(ahead).build(through), ahead::feeding, ahead);
    }

    /**
     * The web address this instance advertises to its peers as Kafka Streams' {@code application.server}: the
     * {@code kafka.application.server} setting, else {@code web.bind:web.port} when running against an external
     * cluster on a fixed port and a concrete address; null for a lone embedded instance (nothing to route).
     */
    private HostInfo advertisedWebAddress(Properties streamsProperties) {
        String configured = streamsProperties.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG);
        if (configured == null && !config.kafka().embedded() && config.web().port() != 0
                && !config.web().bind().equals("0.0.0.0") && !config.web().bind().equals("::")) {
            configured = config.web().bind() + ":" + config.web().port();
            streamsProperties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, configured);
        }
        return configured == null ? null : HostInfo.buildFromEndpoint(configured);
    }

    /** Instances sharing an application id split the feed list through a consumer group ({@link FeedOwnership}). */
    private FeedOwnership feedOwnership() {
        new TopicAdmin(config.kafka().clientBootstrap()).ensureTopics(List.of(Topics.FEED_OWNERSHIP),
                FeedOwnership.PARTITIONS, config.kafka().replicationFactor());
        FeedOwnership ownership = new FeedOwnership(config.kafka().clientBootstrap(), config.kafka().applicationId())
                .start();
        toClose.push(ownership);
        return ownership;
    }

    /** Matched-article counters over this instance's count store (see MatchedCounters). */
    private static MatchedCounters registerMatchedCounters(AgendaMetrics metrics, InteractiveQueries queries) {
        MatchedCounters counters = new MatchedCounters(() -> {
            if (!queries.ready()) {
                throw new IllegalStateException("stores not queryable while streams is " + queries.state());
            }
            return queries.matchCounts();
        }, Clock.systemUTC());
        counters.bindTo(metrics, LANGUAGES, (r, language) -> RecentKey.countKey(r.id(), language));
        return counters;
    }

    /** Progress gauges over this instance's progress store (see ProgressGauges for several instances). */
    private static ProgressGauges registerProgressGauges(AgendaMetrics metrics, InteractiveQueries queries,
            AgendaSpec agenda) {
        Map<Recommendation, List<String>> milestones = new EnumMap<>(Recommendation.class);
        agenda.recommendations().forEach(r -> milestones.put(r.id(), r.milestones().stream().map(Milestone::id)
                .toList()));
        ProgressGauges gauges = new ProgressGauges(() -> {
            if (!queries.ready()) {
                throw new IllegalStateException("stores not queryable while streams is " + queries.state());
            }
            return queries.progress();
        }, Clock.systemUTC());
        gauges.bindTo(metrics, milestones);
        return gauges;
    }

    /** Alerts leave the topology through agenda.alerts.v1; this consumer hands them to the log, webhook and mail. */
    private AlertDispatcher startAlertDispatcher(AgendaMetrics metrics) {
        List<AlertSink> sinks = new ArrayList<>(List.of(new LogSink()));
        if (config.alert().webhookEnabled()) {
            sinks.add(new WebhookSink(config.alert().webhookUrl()));
        }
        if (config.alert().smtp().enabled()) {
            sinks.add(new EmailSink(config.alert().smtp()));
        }
        return new AlertDispatcher(AlertDispatcher.consumerProperties(config.kafka().clientBootstrap(),
                config.kafka().applicationId() + "-alert-dispatcher"), sinks, config.dataDir().resolve("alerts"),
                config.alert(), metrics, Clock.systemUTC()).start();
    }

    public AppConfig config() {
        return config;
    }

    public WebServer web() {
        return web;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public FeedScheduler scheduler() {
        return scheduler;
    }

    /** Closes everything in reverse start order; safe to call twice (shutdown hook and tests). */
    @Override
    public synchronized void close() {
        while (!toClose.isEmpty()) {
            AutoCloseable c = toClose.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("error while stopping part={} error={}", c.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
