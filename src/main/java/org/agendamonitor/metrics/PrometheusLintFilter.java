package org.agendamonitor.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps a scrape clean for {@code promtool check metrics}, which holds every exposed name to Prometheus' naming
 * rules. Our own {@code agenda.*} meters follow them already; a few third-party meters (Kafka clients through
 * Micrometer's Kafka binders, Micrometer's process binder) do not, and are fixed here:
 * <ul>
 *   <li>meters measured in nanoseconds or milliseconds ({@code io.time.ns.total}, {@code start.time.ms}, base unit
 *       {@code ns}) are dropped: Prometheus wants seconds, and a filter can rename a meter but not rescale it (the
 *       same figures stay available over JMX);</li>
 *   <li>a gauge named {@code *.<thing>.count} becomes {@code *.<thing>s}: a {@code _count} suffix is reserved for
 *       histograms and summaries;</li>
 *   <li>a meter without a description gets one (no HELP line is a lint error).</li>
 * </ul>
 */
public final class PrometheusLintFilter implements MeterFilter {
    private static final Set<String> SUB_SECOND_UNITS = Set.of("ns", "us", "ms", "nanoseconds", "microseconds",
            "milliseconds");

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        boolean subSecond = id.getBaseUnit() != null && SUB_SECOND_UNITS.contains(id.getBaseUnit());
        for (String token : id.getName().split("\\.")) {
            subSecond |= SUB_SECOND_UNITS.contains(token);
        }
        return subSecond ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        String name = gaugeName(id.getName(), id.getType());
        String description = id.getDescription() == null || id.getDescription().isBlank()
                ? "Client metric " + id.getName() + " (its source gives no description)" : id.getDescription();
        if (name.equals(id.getName()) && Objects.equals(description, id.getDescription())) {
            return id;
        }
        return new Meter.Id(name, Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), description, id.getType());
    }

    static String gaugeName(String name, Meter.Type type) {
        if (type == Meter.Type.GAUGE && name.endsWith(".count") && name.split("\\.").length > 2) {
            return name.substring(0, name.length() - ".count".length()) + "s";
        }
        return name;
    }
}
