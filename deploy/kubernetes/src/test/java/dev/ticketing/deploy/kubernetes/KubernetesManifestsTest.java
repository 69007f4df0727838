package dev.ticketing.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kubernetes.client.openapi.models.V1Secret;

/**
 * The Kustomize manifests in base/ and overlays/: every overlay renders with the kubectl on the PATH, every rendered
 * document matches the Kubernetes API schema of its kind, and the rules of README.md that a schema cannot express
 * hold. Broken copies, rendered from temporary overlays over the same base, show that each check can fail.
 */
class KubernetesManifestsTest {

    private static final List<String> PROCESSES = List.of("gateway", "queue-service", "concert-service",
            "reservation-service", "payment-service", "analytics-service");

    @TempDir
    Path workspace;

    @Test
    void everyOverlayRendersAndEveryDocumentMatchesTheKubernetesApiSchema() throws Exception {
        Manifests.Copy copy = Manifests.copy(workspace);
        for (Path overlay : copy.overlays()) {
            List<Manifest> manifests = render(overlay);

            assertThat(manifests).as(overlay + ": Deployments").filteredOn(manifest -> manifest.is("Deployment"))
                    .extracting(Manifest::name).containsExactlyInAnyOrderElementsOf(PROCESSES);
            assertThat(manifests.stream().map(KubernetesSchemas::violation).flatMap(Optional::stream).toList())
                    .as(overlay + ": schema violations").isEmpty();
        }
    }

    @Test
    void everyOverlayKeepsTheRulesASchemaCannotExpress() throws Exception {
        Manifests.Copy copy = Manifests.copy(workspace);
        for (Path overlay : copy.overlays()) {
            List<Manifest> manifests = render(overlay);
            int minReplicas = overlay.getFileName().toString().equals("production") ? 2 : 1;

            assertThat(rules(manifests, minReplicas)).as(overlay + ": rule violations").isEmpty();
        }
    }

    @Test
    void noRealSecretIsCommittedAndEveryRenderedSecretHoldsPlaceholdersOnly() throws Exception {
        assertThat(Files.readAllLines(Path.of(".gitignore"))).as("deploy/kubernetes/.gitignore")
                .contains("secrets.env");
        List<Path> examples = Manifests.secretExamples();
        assertThat(examples).as("secrets.env.example files").isNotEmpty();
        for (Path example : examples) {
            Manifests.envFile(example).forEach((key, value) -> assertThat(value)
                    .as("%s: %s", example, key).isEqualTo(Manifests.PLACEHOLDER));
        }

        Manifests.Copy copy = Manifests.copy(workspace);
        List<Path> renderings = new ArrayList<>(copy.overlays());
        renderings.add(copy.base());
        for (Path kustomization : renderings) {
            for (V1Secret secret : CompanionRules.all(render(kustomization), "Secret", V1Secret.class)) {
                secret.getData().forEach((key, value) -> assertThat(new String(value, StandardCharsets.UTF_8))
                        .as("%s: Secret %s key %s", kustomization, secret.getMetadata().getName(), key)
                        .isEqualTo(Manifests.PLACEHOLDER));
            }
        }
    }

    @Test
    void aMisspeltFieldDeepInsideAContainerFailsTheSchema() throws Exception {
        Path broken = Manifests.copy(workspace).brokenOverlay("misspelt", "gateway", """
                - op: move
                  from: /spec/template/spec/containers/0/readinessProbe
                  path: /spec/template/spec/containers/0/readinesProbe
                """);

        List<String> violations = render(broken).stream().map(KubernetesSchemas::violation)
                .flatMap(Optional::stream).toList();

        assertThat(violations).singleElement().asString()
                .startsWith("Deployment/gateway:").contains("readinesProbe").contains("V1Container");
    }

    @Test
    void aMissingLimitProbeAndPreStopAndAnUnknownServiceUrlBreakTheRules() throws Exception {
        Path broken = Manifests.copy(workspace).brokenOverlay("unruly", "queue-service", """
                - op: remove
                  path: /spec/template/spec/containers/0/resources/limits
                - op: remove
                  path: /spec/template/spec/containers/0/readinessProbe
                - op: remove
                  path: /spec/template/spec/containers/0/lifecycle
                """, "QUEUE_SERVICE_URL=http://queue:8081");
        List<Manifest> manifests = render(broken);
        assertThat(manifests.stream().map(KubernetesSchemas::violation).flatMap(Optional::stream)).isEmpty();

        assertThat(rules(manifests, 2)).anyMatch(problem -> problem.contains("queue-service: no memory limit"))
                .anyMatch(problem -> problem.contains("queue-service: no readinessProbe"))
                .anyMatch(problem -> problem.contains("queue-service: no preStop"))
                .anyMatch(problem -> problem.contains("QUEUE_SERVICE_URL=http://queue:8081 names no Service"))
                .anyMatch(problem -> problem.contains("HorizontalPodAutoscaler/gateway of gateway: minReplicas 1"));
    }

    @Test
    void theSchemaReachesIntoContainersAndKnowsNoKindItWasNotGiven() throws IOException {
        Manifest deployment = Manifest.parse(Files.readString(Path.of("base", "gateway.yaml"))).stream()
                .filter(manifest -> manifest.is("Deployment")).findFirst().orElseThrow();
        JsonObject container = deployment.json().getAsJsonObject("spec").getAsJsonObject("template")
                .getAsJsonObject("spec").getAsJsonArray("containers").get(0).getAsJsonObject();
        container.getAsJsonObject("startupProbe").getAsJsonObject("httpGet").remove("port");
        Manifest cronJob = Manifest.parse("apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\n").get(0);

        assertThat(KubernetesSchemas.violation(deployment)).hasValueSatisfying(violation -> assertThat(violation)
                .contains("required field `port`"));
        assertThat(KubernetesSchemas.violation(cronJob)).hasValueSatisfying(violation -> assertThat(violation)
                .contains("no schema known for apiVersion 'batch/v1' kind 'CronJob'"));
    }

    private static List<String> rules(List<Manifest> manifests, int minReplicas) {
        List<String> problems = new ArrayList<>(DeploymentRules.check(manifests));
        problems.addAll(CompanionRules.check(manifests, minReplicas));
        problems.addAll(ReferenceRules.check(manifests));
        return problems;
    }

    private static List<Manifest> render(Path kustomization) throws IOException, InterruptedException {
        Kubectl.Rendering rendering = kubectl().kustomize(kustomization);
        assertThat(rendering.exitCode()).as("kubectl kustomize %s:%n%s", kustomization, rendering.messages()).isZero();
        List<Manifest> manifests = Manifest.parse(rendering.manifests());
        assertThat(manifests).as("documents rendered from " + kustomization).isNotEmpty();
        return manifests;
    }

    /** The kubectl on the PATH; without one the rendering tests are skipped, except in CI where they must run. */
    private static Kubectl kubectl() {
        Optional<Kubectl> found = Kubectl.onPath();
        if (found.isEmpty() && System.getenv("CI") != null) {
            fail("kubectl is not on the PATH and CI is set: install Debian's kubernetes-client package (.ci/run does)");
        }
        Assumptions.assumeTrue(found.isPresent(), "kubectl is not on the PATH: the manifests are not rendered "
                + "(apt-get install kubernetes-client brings one)");
        return found.orElseThrow();
    }
}
