package dev.ticketing.deploy.kubernetes;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

/**
 * The Kubernetes API schema of each kind the manifests use, as the official Java client generates it from the API's
 * OpenAPI document: {@code validateJsonElement} rejects a field the schema does not define and a required field that
 * is missing, and descends into every nested object (a Deployment into its pod template, containers, probes...).
 * A kind not listed here is reported, not waved through: adding one to the manifests means adding its schema here.
 */
final class KubernetesSchemas {

    @FunctionalInterface
    private interface Validator {
        void validate(JsonElement json) throws IOException;
    }

    private static final Map<String, Validator> BY_API_VERSION_AND_KIND = Map.of(
            "v1/ConfigMap", V1ConfigMap::validateJsonElement,
            "v1/Secret", V1Secret::validateJsonElement,
            "v1/Service", V1Service::validateJsonElement,
            "v1/ServiceAccount", V1ServiceAccount::validateJsonElement,
            "apps/v1/Deployment", V1Deployment::validateJsonElement,
            "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler::validateJsonElement,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget::validateJsonElement,
            "networking.k8s.io/v1/Ingress", V1Ingress::validateJsonElement);

    private KubernetesSchemas() {
    }

    /** Why the document does not match its kind's schema, or empty when it does. */
    static Optional<String> violation(Manifest manifest) {
        Validator validator = BY_API_VERSION_AND_KIND.get(manifest.apiVersion() + "/" + manifest.kind());
        if (validator == null) {
            return Optional.of(manifest + ": no schema known for apiVersion '" + manifest.apiVersion() + "' kind '"
                    + manifest.kind() + "'");
        }
        try {
            validator.validate(manifest.json());
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // The generated message ends with the whole offending object as JSON: the field's name is enough.
            String message = String.valueOf(e.getMessage());
            int json = message.indexOf(" JSON: ");
            return Optional.of(manifest + ": " + (json < 0 ? message : message.substring(0, json)));
        }
    }
}
