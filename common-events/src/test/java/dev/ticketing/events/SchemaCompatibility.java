package dev.ticketing.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * What in a changed event schema a reader of the released one could no longer read (EVENTS.md, "Schema evolution"):
 * a field removed or renamed, retyped (type, format, const), made required or no longer required, an enum changed in
 * either direction, a range tightened, unknown properties refused. A new optional field is the one change allowed.
 */
final class SchemaCompatibility {

    private static final List<String> SAME_VALUE = List.of("type", "format", "const", "enum");

    private SchemaCompatibility() {
    }

    /** Every reader-breaking difference, each as "path: what changed"; empty when released readers read it all. */
    static List<String> breakingChanges(JsonNode released, JsonNode current) {
        List<String> changes = new ArrayList<>();
        compare("$", released, current, changes);
        return changes;
    }

    private static void compare(String path, JsonNode released, JsonNode current, List<String> changes) {
        for (String keyword : SAME_VALUE) {
            if (!released.path(keyword).equals(current.path(keyword))) {
                changes.add(path + ": " + keyword + " " + shown(released.get(keyword)) + " became " + shown(current.get(keyword)));
            }
        }
        lowerBound(path, "minimum", released, current, changes);
        upperBound(path, "maximum", released, current, changes);
        lowerBound(path, "minLength", released, current, changes);
        upperBound(path, "maxLength", released, current, changes);
        if (!released.path("pattern").equals(current.path("pattern")) && current.has("pattern")) {
            changes.add(path + ": pattern " + shown(released.get("pattern")) + " became " + shown(current.get("pattern")));
        }
        if (released.path("additionalProperties").asBoolean(true) && !current.path("additionalProperties").asBoolean(true)) {
            changes.add(path + ": unknown properties are refused now");
        }
        Set<String> releasedRequired = names(released.path("required"));
        Set<String> currentRequired = names(current.path("required"));
        for (Map.Entry<String, JsonNode> property : released.path("properties").properties()) {
            String name = property.getKey();
            JsonNode now = current.path("properties").get(name);
            if (now == null) {
                changes.add(path + "." + name + ": removed (or renamed)");
                continue;
            }
            if (releasedRequired.contains(name) != currentRequired.contains(name)) {
                changes.add(path + "." + name + (releasedRequired.contains(name) ? ": no longer required" : ": made required"));
            }
            compare(path + "." + name, property.getValue(), now, changes);
        }
        for (String name : currentRequired) {
            if (!released.path("properties").has(name)) {
                changes.add(path + "." + name + ": added as required (a new field must be optional)");
            }
        }
        if (released.has("items")) {
            compare(path + "[]", released.get("items"), current.path("items"), changes);
        }
    }

    private static void lowerBound(String path, String keyword, JsonNode released, JsonNode current, List<String> changes) {
        if (current.has(keyword) && (!released.has(keyword) || current.get(keyword).asDouble() > released.get(keyword).asDouble())) {
            changes.add(path + ": " + keyword + " tightened from " + shown(released.get(keyword)) + " to " + current.get(keyword));
        }
    }

    private static void upperBound(String path, String keyword, JsonNode released, JsonNode current, List<String> changes) {
        if (current.has(keyword) && (!released.has(keyword) || current.get(keyword).asDouble() < released.get(keyword).asDouble())) {
            changes.add(path + ": " + keyword + " tightened from " + shown(released.get(keyword)) + " to " + current.get(keyword));
        }
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(name -> names.add(name.asString()));
        return names;
    }

    private static String shown(JsonNode value) {
        return value == null ? "(none)" : value.toString();
    }
}
