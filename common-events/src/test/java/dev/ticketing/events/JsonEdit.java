package dev.ticketing.events;

import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Changes a serialized envelope the way a broken or newer producer would. */
final class JsonEdit {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonEdit() {
    }

    static String envelope(String json, Consumer<ObjectNode> change) {
        ObjectNode root = (ObjectNode) JSON.readTree(json);
        change.accept(root);
        return JSON.writeValueAsString(root);
    }

    static String payload(String json, Consumer<ObjectNode> change) {
        return envelope(json, root -> change.accept((ObjectNode) root.get("payload")));
    }

    static ObjectNode tree(String json) {
        return (ObjectNode) JSON.readTree(json);
    }
}
