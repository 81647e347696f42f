package org.agendamonitor.config;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The one door configuration enters by. Precedence, highest first: {@code --set key=value}, environment variables
 * {@code AGENDA_<KEY>} (dots as underscores), {@code <config>/application.properties}, defaults in {@link Settings}.
 * Every problem is collected and reported at once, each naming its source and key (and line, for the file).
 */
public final class ConfigLoader {
    static final String ENV_PREFIX = "AGENDA_";
    static final String PROPERTIES_FILE = "application.properties";

    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * @param configDir  folder with application.properties, agenda.yaml, feeds.opml (and demo/)
     * @param demo       use {@code <config>/demo/feeds.opml} and a separate data dir
     * @param overrides  {@code --set} pairs from the command line
     */
    public AppConfig load(Path configDir, boolean demo, Map<String, String> overrides) {
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new TreeMap<>();
        Path file = configDir.resolve(PROPERTIES_FILE);
        if (Files.isRegularFile(file)) {
            readFile(file, values, problems);
        } else if (!Files.isDirectory(configDir)) {
            problems.add("config directory " + configDir + " does not exist");
        }
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                String key = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                check("environment variable " + name, key, value, problems);
                values.put(key, value);
            }
        });
        overrides.forEach((key, value) -> {
            checkNotSecret("--set " + key, key, problems);
            check("--set " + key, key, value, problems);
            values.put(key, value);
        });
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return build(configDir, demo, values);
    }

    private static void readFile(Path file, Map<String, String> values, List<String> problems) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(file + ": cannot be read: " + e.getMessage());
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            // One Properties parse per line keeps the file format standard and gives every key its line number.
            Properties one = new Properties();
            try {
                one.load(new StringReader(line));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(file + ":" + (i + 1) + ": cannot parse '" + line + "': " + e.getMessage());
                continue;
            }
            if (!line.contains("=") && !line.contains(":")) {
                problems.add(file + ":" + (i + 1) + ": '" + line + "' is not a key=value line");
                continue;
            }
            for (String key : one.stringPropertyNames()) {
                checkNotSecret(file + ":" + (i + 1), key, problems);
                check(file + ":" + (i + 1), key, one.getProperty(key), problems);
                values.put(key, one.getProperty(key));
            }
        }
    }

    private static void checkNotSecret(String where, String key, List<String> problems) {
        if (Settings.ENV_ONLY.contains(key)) {
            problems.add(where + ": " + key + " is a secret and may only come from the environment variable "
                    + ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
    }

    private static void check(String where, String key, String value, List<String> problems) {
        SettingKey known = Settings.KEYS.get(key);
        if (known == null) {
            if (!key.startsWith(Settings.KAFKA_PASSTHROUGH_PREFIX)) {
                problems.add(where + ": unknown setting '" + key + "'" + suggestion(key));
            }
            return;
        }
        String problem = known.validator().apply(value == null ? "" : value);
        if (problem != null) {
            problems.add(where + ": " + key + "='" + value + "' " + problem);
        }
    }

    private static String suggestion(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : Settings.KEYS.keySet()) {
            int d = distance(key, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= 3 ? " (did you mean '" + best + "'?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static AppConfig build(Path configDir, boolean demo, Map<String, String> set) {
        Map<String, String> v = new HashMap<>();
        Settings.KEYS.values().forEach(k -> v.put(k.name(), k.defaultValue()));
        v.putAll(set);
        Map<String, String> passthrough = new LinkedHashMap<>();
        set.forEach((key, value) -> {
            if (!Settings.KEYS.containsKey(key) && key.startsWith(Settings.KAFKA_PASSTHROUGH_PREFIX)) {
                passthrough.put(key.substring(Settings.KAFKA_PASSTHROUGH_PREFIX.length()), value);
            }
        });
        Path dataDir = Path.of(v.get("data.dir"));
        if (demo) {
            dataDir = dataDir.resolve("demo"); // demo articles never mix with real ones
        }
        Path feeds = v.get("feeds.file").isBlank()
                ? configDir.resolve(demo ? "demo/feeds.opml" : "feeds.opml") : Path.of(v.get("feeds.file"));
        Path agenda = v.get("agenda.file").isBlank() ? configDir.resolve("agenda.yaml") : Path.of(v.get("agenda.file"));
        String instanceId = v.get("instance.id").isBlank() ? defaultInstanceId(dataDir) : v.get("instance.id").trim();
        KafkaSettings kafka = new KafkaSettings(v.get("kafka.bootstrap.servers"), integer(v, "kafka.embedded.port"),
                integer(v, "kafka.embedded.controller.port"), v.get("application.id"), instanceId,
                v.get("streams.processing.guarantee"), integer(v, "streams.commit.interval.ms"),
                integer(v, "streams.num.threads"), integer(v, "streams.match.ahead.threads"),
                integer(v, "streams.session.timeout.ms"),
                integer(v, "kafka.topic.partitions"), (short) integer(v, "kafka.topic.replication.factor"),
                passthrough);
        IngestSettings ingest = new IngestSettings(Boolean.parseBoolean(v.get("ingest.enabled")),
                seconds(v, "ingest.interval.seconds"), seconds(v, "ingest.interval.min.seconds"),
                seconds(v, "ingest.interval.max.seconds"), seconds(v, "ingest.backoff.max.seconds"),
                Duration.ofMillis(integer(v, "ingest.connect.timeout.ms")),
                Duration.ofMillis(integer(v, "ingest.request.timeout.ms")),
                Long.parseLong(v.get("ingest.max.body.bytes").trim()), integer(v, "ingest.max.redirects"),
                integer(v, "ingest.concurrency"), integer(v, "ingest.per.host.concurrency"),
                v.get("ingest.user.agent"), Boolean.parseBoolean(v.get("ingest.allow.private.addresses")));
        WebSettings web = new WebSettings(v.get("web.bind").trim(), integer(v, "web.port"));
        String webhook = v.get("alert.webhook.url").trim();
        SmtpSettings smtp;
        try {
            smtp = new SmtpSettings(v.get("alert.smtp.host"), integer(v, "alert.smtp.port"), v.get("alert.smtp.from"),
                    List.of(v.get("alert.smtp.to").split(",")), v.get("alert.smtp.username"),
                    v.get("alert.smtp.password"), Boolean.parseBoolean(v.get("alert.smtp.starttls").trim()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(List.of(e.getMessage()));
        }
        AlertSettings alert = new AlertSettings(webhook.isEmpty() ? null : URI.create(webhook), smtp,
                integer(v, "alert.delivery.max.attempts"), Duration.ofMillis(integer(v, "alert.delivery.backoff.ms")));
        return new AppConfig(configDir, demo, dataDir, feeds, agenda, kafka, ingest, web, alert);
    }

    /**
     * Host name plus a short hash of the absolute data dir: stable across restarts of one installation, distinct for
     * two installations on one host (their data dirs differ).
     */
    static String defaultInstanceId(Path dataDir) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        String dir = dataDir.toAbsolutePath().normalize().toString();
        return host.toLowerCase(Locale.ROOT) + "-" + Integer.toHexString(dir.hashCode());
    }

    private static int integer(Map<String, String> v, String key) {
        return Integer.parseInt(v.get(key).trim());
    }

    private static Duration seconds(Map<String, String> v, String key) {
        return Duration.ofSeconds(Long.parseLong(v.get(key).trim()));
    }
}
