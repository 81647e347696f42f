package org.agendamonitor.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers the line of every node, so configuration errors can name it. Jackson's
 * {@code JsonNode} drops locations; this tree is read from Jackson's YAML parser token by token instead.
 *
 * @param kind   map, list, scalar or null
 * @param line   1-based line where the node starts
 * @param text   the scalar's text (null for maps, lists and nulls)
 * @param fields a map's entries in file order (empty otherwise)
 * @param items  a list's items (empty otherwise)
 */
record YamlNode(Kind kind, int line, String text, Map<String, YamlNode> fields, List<YamlNode> items) {

    enum Kind { MAP, LIST, SCALAR, NULL }

    private static final YAMLFactory YAML = new YAMLFactory();

    static YamlNode read(Reader reader) throws IOException {
        try (JsonParser parser = YAML.createParser(reader)) {
            if (parser.nextToken() == null) {
                return new YamlNode(Kind.NULL, 1, null, Map.of(), List.of());
            }
            return read(parser);
        }
    }

    private static YamlNode read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        int line = parser.currentTokenLocation().getLineNr();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    fields.put(name, read(parser));
                }
                return new YamlNode(Kind.MAP, line, null, Collections.unmodifiableMap(fields), List.of());
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser));
                }
                return new YamlNode(Kind.LIST, line, null, Map.of(), List.copyOf(items));
            }
            case VALUE_NULL -> {
                return new YamlNode(Kind.NULL, line, null, Map.of(), List.of());
            }
            default -> {
                return new YamlNode(Kind.SCALAR, line, parser.getText(), Map.of(), List.of());
            }
        }
    }

    /** A child of a map, or null when absent (or when this is not a map). */
    YamlNode get(String name) {
        return fields.get(name);
    }

    boolean isMissing(String name) {
        YamlNode child = fields.get(name);
        return child == null || child.kind == Kind.NULL;
    }
}
