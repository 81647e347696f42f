package org.agendamonitor.config;

import static org.agendamonitor.config.SettingKey.anyString;
import static org.agendamonitor.config.SettingKey.bool;
import static org.agendamonitor.config.SettingKey.httpUrl;
import static org.agendamonitor.config.SettingKey.intRange;
import static org.agendamonitor.config.SettingKey.oneOf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table of every setting with its default. Keys of DESIGN.md's settings contract keep their names; add a key
 * here with a one-line default and validator, then read it in {@link ConfigLoader}.
 */
final class Settings {
    /** Keys under this prefix that are not in the table go straight to the Kafka clients (Streams, producer). */
    static final String KAFKA_PASSTHROUGH_PREFIX = "kafka.";

    static final Map<String, SettingKey> KEYS = index(List.of(
            new SettingKey("web.port", "8080", "HTTP port of the dashboard, API and /metrics", intRange(0, 65535)),
            new SettingKey("web.bind", "127.0.0.1", "address the web server binds to", anyString()),
            new SettingKey("data.dir", "data", "embedded broker logs and state stores", anyString()),
            new SettingKey("kafka.bootstrap.servers", "", "unset = start the embedded broker", anyString()),
            new SettingKey("kafka.embedded.port", "9092", "port of the embedded broker", intRange(0, 65535)),
            new SettingKey("kafka.embedded.controller.port", "0",
                    "controller port of the embedded broker (0 = any free port)", intRange(0, 65535)),
            new SettingKey("kafka.topic.partitions", "3", "partitions of the topics the app creates", intRange(1, 1024)),
            new SettingKey("kafka.topic.replication.factor", "1", "replication factor of created topics",
                    intRange(1, 16)),
            new SettingKey("application.id", "agenda-monitor", "Kafka Streams application id", anyString()),
            new SettingKey("instance.id", "", "stable id of this instance in the Streams group "
                    + "(default: host name + data dir); static membership makes restarts rebalance-free", anyString()),
            new SettingKey("streams.session.timeout.ms", "30000",
                    "how long a silent instance keeps its partitions before another takes over",
                    intRange(6_000, 300_000)),
            new SettingKey("streams.processing.guarantee", "exactly_once_v2", "Kafka Streams processing guarantee",
                    oneOf("exactly_once_v2", "at_least_once")),
            new SettingKey("streams.commit.interval.ms", "50", "Kafka Streams commit interval", intRange(1, 600_000)),
            new SettingKey("streams.num.threads", "1", "Kafka Streams stream threads", intRange(1, 64)),
            new SettingKey("streams.match.ahead.threads", "1",
                    "threads matching fetched articles ahead of the stream threads (0 = the stream threads match)",
                    intRange(0, 64)),
            new SettingKey("feeds.file", "", "OPML feed list (default <config>/feeds.opml)", anyString()),
            new SettingKey("agenda.file", "", "agenda definition (default <config>/agenda.yaml)", anyString()),
            new SettingKey("ingest.enabled", "true", "poll the feeds of feeds.file", bool()),
            new SettingKey("ingest.interval.seconds", "900", "default polling interval per feed",
                    intRange(1, 86_400)),
            new SettingKey("ingest.interval.min.seconds", "60", "lower bound for TTL/Cache-Control driven intervals",
                    intRange(1, 86_400)),
            new SettingKey("ingest.interval.max.seconds", "86400", "upper bound for intervals", intRange(1, 604_800)),
            new SettingKey("ingest.backoff.max.seconds", "21600", "cap of the exponential back-off after failures",
                    intRange(1, 604_800)),
            new SettingKey("ingest.connect.timeout.ms", "10000", "connect timeout per request",
                    intRange(100, 600_000)),
            new SettingKey("ingest.request.timeout.ms", "20000", "total timeout per request",
                    intRange(100, 600_000)),
            new SettingKey("ingest.max.body.bytes", "15728640", "largest feed body accepted (after decompression)",
                    intRange(1024, 1L << 31)),
            new SettingKey("ingest.max.redirects", "5", "redirects followed per request", intRange(0, 20)),
            new SettingKey("ingest.concurrency", "8", "feeds fetched at once in total", intRange(1, 256)),
            new SettingKey("ingest.per.host.concurrency", "2", "feeds fetched at once per host", intRange(1, 64)),
            new SettingKey("ingest.user.agent", "AgendaMonitor/0.1 (+https://github.com/agenda-monitor)",
                    "User-Agent of every request", anyString()),
            new SettingKey("ingest.allow.private.addresses", "false",
                    "allow article-page fetches to private/loopback addresses", bool()),
            new SettingKey("alert.webhook.url", "", "Slack-compatible webhook for alerts (unset = off)", httpUrl()),
            new SettingKey("alert.smtp.host", "", "SMTP server for alert e-mails (unset = off)", anyString()),
            new SettingKey("alert.smtp.port", "587", "SMTP port", intRange(1, 65535)),
            new SettingKey("alert.smtp.from", "", "sender address of alert e-mails", anyString()),
            new SettingKey("alert.smtp.to", "", "recipients of alert e-mails, comma-separated", anyString()),
            new SettingKey("alert.smtp.username", "", "SMTP login (unset = no authentication)", anyString()),
            new SettingKey("alert.smtp.password", "", "SMTP password: environment variable only", anyString()),
            new SettingKey("alert.smtp.starttls", "true", "require STARTTLS (false only for a loopback relay)",
                    bool()),
            new SettingKey("alert.delivery.max.attempts", "5", "attempts per alert and sink before giving up",
                    intRange(1, 100)),
            new SettingKey("alert.delivery.backoff.ms", "1000", "wait after a failed delivery, doubled each time",
                    intRange(0, 600_000))));

    /** Keys accepted only from the environment, never from a file or the command line (they are secrets). */
    static final Set<String> ENV_ONLY = Set.of("alert.smtp.password");

    private Settings() {
    }

    private static Map<String, SettingKey> index(List<SettingKey> keys) {
        Map<String, SettingKey> map = new LinkedHashMap<>();
        keys.forEach(k -> map.put(k.name(), k));
        return Map.copyOf(map);
    }
}
