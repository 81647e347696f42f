package org.agendamonitor.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.agendamonitor.model.Recommendation;

/**
 * Reads {@code agenda.yaml} into an {@link AgendaSpec}. Every problem is collected and reported at once in one
 * {@link ConfigException}, each as {@code file:line: recommendation R, topic T: what is wrong}: a query that does not
 * parse, a topic without a query in one of the languages, an unknown or repeated recommendation id, a missing
 * recommendation, an unknown key (a typo would otherwise silently disable a rule).
 */
public final class AgendaSpecLoader {
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> RECOMMENDATION_KEYS = Set.of("id", "title", "description", "min_score",
            "title_boost", "topics", "exclusions", "direction", "milestones", "alerts");
    private static final Set<String> TOPIC_KEYS = Set.of("id", "label", "weight", "queries");
    private static final Set<String> MILESTONE_KEYS = Set.of("id", "label", "queries");
    private static final Set<String> ALERT_KEYS = Set.of("enabled", "min_outlets", "window_minutes",
            "cooldown_minutes", "spike_factor", "official_sources");

    private final String source;
    private final List<String> problems = new ArrayList<>();

    private AgendaSpecLoader(String source) {
        this.source = source;
    }

    /** Loads and validates the agenda file; throws {@link ConfigException} listing every problem. */
    public static AgendaSpec load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses agenda YAML held in memory; {@code source} names it in error messages. */
    public static AgendaSpec parse(String yaml, String source) {
        return new AgendaSpecLoader(source).read(new StringReader(yaml));
    }

    private AgendaSpec read(Reader reader) {
        YamlNode root;
        try {
            root = YamlNode.read(reader);
        } catch (IOException e) {
            throw new ConfigException(source + ": not valid YAML: " + e.getMessage());
        }
        Map<Recommendation, RecommendationSpec> found = new EnumMap<>(Recommendation.class);
        YamlNode list = root.get("recommendations");
        if (list == null || list.kind() != YamlNode.Kind.LIST) {
            problem(root, "", "a list 'recommendations' is required");
        } else {
            for (YamlNode item : list.items()) {
                recommendation(item, found);
            }
            for (Recommendation r : Recommendation.values()) {
                if (!found.containsKey(r) && problems.isEmpty()) {
                    problem(list, "", "recommendation " + r.id() + " is missing (all of merida, demand_guns_cash, usmca are required)");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new AgendaSpec(List.copyOf(found.values()));
    }

    private void recommendation(YamlNode node, Map<Recommendation, RecommendationSpec> found) {
        if (node.kind() != YamlNode.Kind.MAP) {
            problem(node, "", "each recommendation must be a map");
            return;
        }
        String rawId = scalar(node, "id", "", true);
        Recommendation id;
        try {
            id = Recommendation.fromId(rawId == null ? "" : rawId);
        } catch (IllegalArgumentException e) {
            problem(node, "", e.getMessage());
            return;
        }
        String where = "recommendation " + id.id();
        if (found.containsKey(id)) {
            problem(node, where, "defined twice");
            return;
        }
        unknownKeys(node, RECOMMENDATION_KEYS, where);
        List<AgendaTopic> topics = topics(node.get("topics"), node, where);
        LanguageQueries exclusions = queries(node.get("exclusions"), where + ", exclusions", false);
        YamlNode directionNode = node.get("direction");
        DirectionCues direction = directionNode == null ? DirectionCues.NONE : new DirectionCues(
                queries(directionNode.get("advance"), where + ", direction advance", false),
                queries(directionNode.get("setback"), where + ", direction setback", false));
        List<Milestone> milestones = milestones(node.get("milestones"), where);
        AlertRule alerts = alerts(node.get("alerts"), id != Recommendation.DEMAND_GUNS_CASH, where);
        double minScore = number(node, "min_score", 1.0, where);
        double titleBoost = number(node, "title_boost", 1.5, where);
        if (minScore <= 0 || titleBoost < 1) {
            problem(node, where, "min_score must be > 0 and title_boost >= 1");
            return;
        }
        if (alerts != null) {
            found.put(id, new RecommendationSpec(id, scalar(node, "title", where, true),
                    scalar(node, "description", where, false), minScore, titleBoost, topics, exclusions, direction,
                    milestones, alerts));
        }
    }

    private List<AgendaTopic> topics(YamlNode list, YamlNode owner, String where) {
        List<AgendaTopic> topics = new ArrayList<>();
        if (list == null || list.kind() != YamlNode.Kind.LIST || list.items().isEmpty()) {
            problem(list == null ? owner : list, where, "a non-empty list 'topics' is required");
            return topics;
        }
        Set<String> ids = new HashSet<>();
        for (YamlNode node : list.items()) {
            String id = scalar(node, "id", where, true);
            String topicWhere = where + ", topic " + id;
            if (id != null && !KEBAB.matcher(id).matches()) {
                problem(node.get("id"), topicWhere, "topic id must be kebab-case");
            } else if (id != null && !ids.add(id)) {
                problem(node, topicWhere, "topic id used twice");
            }
            unknownKeys(node, TOPIC_KEYS, topicWhere);
            double weight = number(node, "weight", 1.0, topicWhere);
            if (!(weight > 0)) {
                problem(node.get("weight"), topicWhere, "weight must be > 0");
                weight = 1.0;
            }
            YamlNode queries = node.get("queries");
            if (queries == null) {
                problem(node, topicWhere, "'queries' with en and es lists is required");
            }
            LanguageQueries q = queries(queries, topicWhere, true);
            if (id != null) {
                topics.add(new AgendaTopic(id, scalar(node, "label", topicWhere, false), weight, q));
            }
        }
        return topics;
    }

    private List<Milestone> milestones(YamlNode list, String where) {
        List<Milestone> milestones = new ArrayList<>();
        if (list == null || list.kind() == YamlNode.Kind.NULL) {
            return milestones;
        }
        Set<String> ids = new HashSet<>();
        for (YamlNode node : list.items()) {
            String id = scalar(node, "id", where, true);
            String milestoneWhere = where + ", milestone " + id;
            if (id != null && (!KEBAB.matcher(id).matches() || !ids.add(id))) {
                problem(node, milestoneWhere, "milestone id must be kebab-case and unique");
            }
            unknownKeys(node, MILESTONE_KEYS, milestoneWhere);
            LanguageQueries q = queries(node.get("queries"), milestoneWhere, false);
            if (q.isEmpty()) {
                problem(node, milestoneWhere, "a milestone needs at least one query");
            }
            if (id != null) {
                milestones.add(new Milestone(id, scalar(node, "label", milestoneWhere, false), q));
            }
        }
        return milestones;
    }

    private AlertRule alerts(YamlNode node, boolean enabledByDefault, String where) {
        AlertRule defaults = AlertRule.defaults(enabledByDefault);
        if (node == null || node.kind() == YamlNode.Kind.NULL) {
            return defaults;
        }
        String alertWhere = where + ", alerts";
        unknownKeys(node, ALERT_KEYS, alertWhere);
        String enabled = scalar(node, "enabled", alertWhere, false);
        if (enabled != null && !enabled.equals("true") && !enabled.equals("false")) {
            problem(node.get("enabled"), alertWhere, "enabled must be true or false");
        }
        List<String> official = new ArrayList<>();
        YamlNode sources = node.get("official_sources");
        if (sources != null && sources.kind() == YamlNode.Kind.LIST) {
            sources.items().forEach(s -> official.add(s.text()));
        }
        try {
            return new AlertRule(enabled == null ? enabledByDefault : Boolean.parseBoolean(enabled),
                    (int) number(node, "min_outlets", defaults.minOutlets(), alertWhere),
                    Duration.ofMinutes((long) number(node, "window_minutes", defaults.window().toMinutes(), alertWhere)),
                    Duration.ofMinutes((long) number(node, "cooldown_minutes", defaults.cooldown().toMinutes(), alertWhere)),
                    number(node, "spike_factor", defaults.spikeFactor(), alertWhere), official);
        } catch (IllegalArgumentException e) {
            problem(node, alertWhere, e.getMessage());
            return null;
        }
    }

    /** Reads an {@code {en: [...], es: [...]}} map; with {@code bothRequired}, each language needs a query. */
    private LanguageQueries queries(YamlNode node, String where, boolean bothRequired) {
        if (node == null || node.kind() == YamlNode.Kind.NULL) {
            return LanguageQueries.NONE;
        }
        if (node.kind() != YamlNode.Kind.MAP) {
            problem(node, where, "queries must be a map with keys en and es");
            return LanguageQueries.NONE;
        }
        unknownKeys(node, Set.copyOf(LanguageQueries.LANGUAGES), where);
        List<List<String>> perLanguage = new ArrayList<>();
        for (String language : LanguageQueries.LANGUAGES) {
            List<String> queries = new ArrayList<>();
            YamlNode list = node.get(language);
            if (list != null && list.kind() == YamlNode.Kind.LIST) {
                for (YamlNode item : list.items()) {
                    String error = item.kind() == YamlNode.Kind.SCALAR ? QuerySyntax.check(item.text()) : "not a string";
                    if (error == null) {
                        queries.add(item.text());
                    } else {
                        problem(item, where, "query " + language + " '" + item.text() + "' " + error);
                    }
                }
            } else if (list != null && list.kind() != YamlNode.Kind.NULL) {
                problem(list, where, language + " must be a list of queries");
            }
            if (bothRequired && queries.isEmpty() && (list == null || list.items().isEmpty())) {
                problem(list == null ? node : list, where, "no " + language + " query (each topic needs en and es)");
            }
            perLanguage.add(queries);
        }
        return new LanguageQueries(perLanguage.get(0), perLanguage.get(1));
    }

    private String scalar(YamlNode map, String key, String where, boolean required) {
        YamlNode node = map.get(key);
        if (node == null || node.kind() == YamlNode.Kind.NULL) {
            if (required) {
                problem(map, where, "'" + key + "' is required");
            }
            return null;
        }
        if (node.kind() != YamlNode.Kind.SCALAR) {
            problem(node, where, "'" + key + "' must be a single value");
            return null;
        }
        return node.text();
    }

    private double number(YamlNode map, String key, double fallback, String where) {
        String text = scalar(map, key, where, false);
        if (text == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            problem(map.get(key), where, "'" + key + "' must be a number, got '" + text + "'");
            return fallback;
        }
    }

    private void unknownKeys(YamlNode map, Set<String> known, String where) {
        map.fields().forEach((name, child) -> {
            if (!known.contains(name)) {
                problem(child, where, "unknown key '" + name + "' (expected one of " + new java.util.TreeSet<>(known) + ")");
            }
        });
    }

    private void problem(YamlNode node, String where, String message) {
        problems.add(source + ":" + node.line() + ": " + (where.isEmpty() ? "" : where + ": ") + message);
    }
}
