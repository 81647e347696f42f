package org.agendamonitor.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.Recommendation;

/**
 * One labeled line of an evaluation file ({@code shared/eval/*.jsonl}): at least title, summary, lang and labels.
 *
 * @param id      the item's id, or its line number when it has none
 * @param lang    en, es, or anything else (then both languages' queries run)
 * @param title   headline
 * @param summary lede
 * @param labels  the recommendations a person judged it to be about
 */
public record EvalItem(String id, String lang, String title, String summary, Set<Recommendation> labels) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant EPOCH = Instant.EPOCH;

    public EvalItem {
        labels = labels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(labels));
    }

    /** Reads every non-blank line; a bad line fails with its line number. */
    public static List<EvalItem> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<EvalItem> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                try {
                    items.add(parse(JSON.readTree(lines.get(i)), i + 1));
                } catch (IOException | IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
                }
            }
        }
        return items;
    }

    private static EvalItem parse(JsonNode node, int line) {
        for (String field : List.of("title", "summary", "lang", "labels")) {
            if (!node.hasNonNull(field)) {
                throw new IllegalArgumentException("missing field '" + field + "'");
            }
        }
        Set<Recommendation> labels = EnumSet.noneOf(Recommendation.class);
        node.get("labels").forEach(label -> labels.add(Recommendation.fromId(label.asText())));
        String id = node.hasNonNull("id") ? node.get("id").asText() : "line-" + line;
        return new EvalItem(id, node.get("lang").asText(), node.get("title").asText(), node.get("summary").asText(),
                labels);
    }

    /** The item as the pipeline would see it. */
    public Article toArticle() {
        return new Article(id, "eval", "eval", null, title, summary, lang, EPOCH, EPOCH);
    }
}
