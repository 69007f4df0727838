package dev.ticketing.deploy.kubernetes;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;

/**
 * Names that must resolve within the rendering: the ConfigMaps and Secrets (and their keys) a container reads, the
 * {@code $(VAR)} it expands, and the Service (and port) behind every {@code *_URL} setting.
 */
final class ReferenceRules {

    private static final Pattern EXPANSION = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private ReferenceRules() {
    }

    static List<String> check(List<Manifest> manifests) {
        Map<String, Set<String>> configMaps = new HashMap<>();
        for (V1ConfigMap configMap : CompanionRules.all(manifests, "ConfigMap", V1ConfigMap.class)) {
            Map<String, String> data = Objects.requireNonNullElse(configMap.getData(), Map.of());
            configMaps.put(configMap.getMetadata().getName(), data.keySet());
        }
        Map<String, Set<String>> secrets = new HashMap<>();
        for (V1Secret secret : CompanionRules.all(manifests, "Secret", V1Secret.class)) {
            Map<String, byte[]> data = Objects.requireNonNullElse(secret.getData(), Map.of());
            Map<String, String> stringData = Objects.requireNonNullElse(secret.getStringData(), Map.of());
            Set<String> keys = new HashSet<>(data.keySet());
            keys.addAll(stringData.keySet());
            secrets.put(secret.getMetadata().getName(), keys);
        }
        List<String> problems = new ArrayList<>();
        for (V1Deployment deployment : CompanionRules.all(manifests, "Deployment", V1Deployment.class)) {
            for (V1Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String at = "Deployment/" + deployment.getMetadata().getName() + " container " + container.getName();
                checkEnvironment(at, container, configMaps, secrets, problems);
            }
        }
        checkServiceUrls(manifests, problems);
        return problems;
    }

    private static void checkEnvironment(String at, V1Container container, Map<String, Set<String>> configMaps,
            Map<String, Set<String>> secrets, List<String> problems) {
        Set<String> defined = new HashSet<>();
        for (V1EnvFromSource source : Objects.requireNonNullElse(container.getEnvFrom(), List.<V1EnvFromSource>of())) {
            if (source.getConfigMapRef() != null) {
                defined.addAll(keys(at, "ConfigMap", source.getConfigMapRef().getName(), configMaps, problems));
            }
            if (source.getSecretRef() != null) {
                defined.addAll(keys(at, "Secret", source.getSecretRef().getName(), secrets, problems));
            }
        }
        for (V1EnvVar variable : Objects.requireNonNullElse(container.getEnv(), List.<V1EnvVar>of())) {
            if (variable.getValue() != null) {
                Matcher expansion = EXPANSION.matcher(variable.getValue());
                while (expansion.find()) {
                    if (!defined.contains(expansion.group(1))) {
                        problems.add(at + ": " + variable.getName() + " expands $(" + expansion.group(1)
                                + "), which nothing defines before it");
                    }
                }
            }
            if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = variable.getValueFrom().getConfigMapKeyRef();
                requireKey(at, variable, "ConfigMap", ref.getName(), ref.getKey(), configMaps, problems);
            }
            if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                var ref = variable.getValueFrom().getSecretKeyRef();
                requireKey(at, variable, "Secret", ref.getName(), ref.getKey(), secrets, problems);
            }
            defined.add(variable.getName());
        }
    }

    private static Set<String> keys(String at, String kind, String name, Map<String, Set<String>> rendered,
            List<String> problems) {
        if (!rendered.containsKey(name)) {
            problems.add(at + ": envFrom names " + kind + " " + name + ", which the rendering does not contain");
            return Set.of();
        }
        return rendered.get(name);
    }

    private static void requireKey(String at, V1EnvVar variable, String kind, String name, String key,
            Map<String, Set<String>> rendered, List<String> problems) {
        if (!rendered.containsKey(name)) {
            problems.add(at + ": " + variable.getName() + " reads " + kind + " " + name + ", which is not rendered");
        } else if (!rendered.get(name).contains(key)) {
            problems.add(at + ": " + variable.getName() + " reads key " + key + " that " + kind + " " + name
                    + " lacks");
        }
    }

    /** Every *_URL in a ConfigMap is http://<Service>:<port> of a Service in this rendering. */
    private static void checkServiceUrls(List<Manifest> manifests, List<String> problems) {
        Map<String, V1Service> services = new HashMap<>();
        CompanionRules.all(manifests, "Service", V1Service.class)
                .forEach(service -> services.put(service.getMetadata().getName(), service));
        for (V1ConfigMap configMap : CompanionRules.all(manifests, "ConfigMap", V1ConfigMap.class)) {
            Objects.requireNonNullElse(configMap.getData(), Map.<String, String>of()).forEach((key, value) -> {
                if (key.endsWith("_URL")) {
                    URI url = URI.create(value);
                    V1Service service = services.get(url.getHost());
                    boolean portServed = service != null && service.getSpec().getPorts().stream()
                            .map(V1ServicePort::getPort).anyMatch(port -> port == url.getPort());
                    if (!portServed) {
                        problems.add("ConfigMap/" + configMap.getMetadata().getName() + ": " + key + "=" + value
                                + " names no Service port of this rendering");
                    }
                }
            });
        }
    }
}
