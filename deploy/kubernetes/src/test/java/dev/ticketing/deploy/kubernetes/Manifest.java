package dev.ticketing.deploy.kubernetes;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.JSON;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** One document of a rendering, as the JSON the Kubernetes API would receive. */
record Manifest(String apiVersion, String kind, String name, JsonObject json) {

    private static final Gson PLAIN = new Gson();

    /** The documents of a multi-document YAML stream, such as {@code kubectl kustomize} prints. */
    static List<Manifest> parse(String yaml) {
        List<Manifest> manifests = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (document == null) {
                continue;
            }
            JsonObject json = PLAIN.toJsonTree(document).getAsJsonObject();
            JsonElement metadata = json.get("metadata");
            String name = metadata != null && metadata.isJsonObject() && metadata.getAsJsonObject().has("name")
                    ? metadata.getAsJsonObject().get("name").getAsString()
                    : "(no name)";
            manifests.add(new Manifest(text(json, "apiVersion"), text(json, "kind"), name, json));
        }
        return manifests;
    }

    /** This document as the client's model class, read by the client's own Gson (which validates it again). */
    <T> T as(Class<T> model) {
        return JSON.getGson().fromJson(json, model);
    }

    boolean is(String kind) {
        return this.kind.equals(kind);
    }

    @Override
    public String toString() {
        return kind + "/" + name;
    }

    private static String text(JsonObject json, String field) {
        JsonElement value = json.get(field);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : "";
    }
}
