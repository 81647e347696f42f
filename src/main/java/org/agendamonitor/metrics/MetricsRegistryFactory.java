package org.agendamonitor.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Builds the app's one Prometheus registry, with JVM binders and a safety cap on tag values. */
public final class MetricsRegistryFactory {
    /** A feed list larger than this is unusual; beyond it new per-feed series are dropped rather than exploding. */
    static final int MAX_FEED_TAG_VALUES = 2_000;

    private MetricsRegistryFactory() {
    }

    public static PrometheusMeterRegistry prometheus() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config()
                .meterFilter(new PrometheusLintFilter())
                .meterFilter(MeterFilter.maximumAllowableTags("agenda.feed", "feed", MAX_FEED_TAG_VALUES,
                        MeterFilter.deny()))
                .meterFilter(MeterFilter.maximumAllowableTags("agenda.articles.ingested", "feed",
                        MAX_FEED_TAG_VALUES, MeterFilter.deny()));
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }
}
