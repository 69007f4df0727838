package dev.ticketing.deploy.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1SecurityContext;

/**
 * What each Deployment must do that no schema can say: probe the actuator health groups on its own port, size its
 * memory, stop gracefully within its grace period, run unprivileged, and be scraped by Prometheus.
 */
final class DeploymentRules {

    static final String READINESS = "/actuator/health/readiness";
    static final String LIVENESS = "/actuator/health/liveness";

    private DeploymentRules() {
    }

    static List<String> check(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : manifests) {
            if (manifest.is("Deployment")) {
                check(manifest.toString(), manifest.as(V1Deployment.class), problems);
            }
        }
        return problems;
    }

    private static void check(String where, V1Deployment deployment, List<String> problems) {
        V1PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Map<String, String> annotations = Objects.requireNonNullElse(
                deployment.getSpec().getTemplate().getMetadata().getAnnotations(), Map.of());
        if (labels == null || !labels.containsKey("app.kubernetes.io/name")
                || !"ticketing".equals(labels.get("app.kubernetes.io/part-of"))) {
            problems.add(where + ": pod labels lack app.kubernetes.io/name or app.kubernetes.io/part-of: ticketing");
        }
        if (!"true".equals(annotations.get("prometheus.io/scrape"))
                || !"/actuator/prometheus".equals(annotations.get("prometheus.io/path"))) {
            problems.add(where + ": no prometheus.io/scrape \"true\" with prometheus.io/path /actuator/prometheus");
        }
        Boolean nonRoot = pod.getSecurityContext() == null ? null : pod.getSecurityContext().getRunAsNonRoot();
        if (!Boolean.TRUE.equals(nonRoot)) {
            problems.add(where + ": the pod does not set runAsNonRoot: true");
        }
        for (V1Container container : pod.getContainers()) {
            String at = where + " container " + container.getName();
            checkProbes(at, container, annotations, problems);
            checkMemory(at, container, problems);
            checkSecurity(at, container.getSecurityContext(), problems);
            checkShutdown(at, container, pod.getTerminationGracePeriodSeconds(), problems);
        }
    }

    private static void checkProbes(String at, V1Container container, Map<String, String> annotations,
            List<String> problems) {
        checkProbe(at, "readinessProbe", container.getReadinessProbe(), List.of(READINESS), container, problems);
        checkProbe(at, "livenessProbe", container.getLivenessProbe(), List.of(LIVENESS), container, problems);
        checkProbe(at, "startupProbe", container.getStartupProbe(), List.of(LIVENESS, READINESS), container,
                problems);
        String scrapePort = annotations.get("prometheus.io/port");
        if (scrapePort == null || !servesOn(container, new IntOrString(Integer.parseInt(scrapePort)))) {
            problems.add(at + ": prometheus.io/port " + scrapePort + " is not a port of the container");
        }
    }

    private static void checkProbe(String at, String kind, V1Probe probe, List<String> paths, V1Container container,
            List<String> problems) {
        if (probe == null || probe.getHttpGet() == null) {
            problems.add(at + ": no " + kind + " over HTTP");
            return;
        }
        if (!paths.contains(probe.getHttpGet().getPath())) {
            problems.add(at + ": " + kind + " asks " + probe.getHttpGet().getPath() + ", not " + paths);
        }
        if (!servesOn(container, probe.getHttpGet().getPort())) {
            problems.add(at + ": " + kind + " port " + probe.getHttpGet().getPort() + " is not a container port");
        }
    }

    /** True when the port, by number or by name, is one the container declares. */
    static boolean servesOn(V1Container container, IntOrString port) {
        for (V1ContainerPort declared : Objects.requireNonNullElse(container.getPorts(), List.<V1ContainerPort>of())) {
            if (port.isInteger() ? port.getIntValue().equals(declared.getContainerPort())
                    : port.getStrValue().equals(declared.getName())) {
                return true;
            }
        }
        return false;
    }

    private static void checkMemory(String at, V1Container container, List<String> problems) {
        Optional<Quantity> request = memory(container.getResources() == null ? null
                : container.getResources().getRequests());
        Optional<Quantity> limit = memory(container.getResources() == null ? null
                : container.getResources().getLimits());
        if (request.isEmpty()) {
            problems.add(at + ": no memory request");
        }
        if (limit.isEmpty()) {
            problems.add(at + ": no memory limit");
        }
        if (request.isPresent() && limit.isPresent()
                && request.get().getNumber().compareTo(limit.get().getNumber()) > 0) {
            problems.add(at + ": memory request above its limit");
        }
        Map<String, Quantity> requests = container.getResources() == null ? null
                : container.getResources().getRequests();
        if (requests == null || !requests.containsKey("cpu")) {
            problems.add(at + ": no CPU request, which the HorizontalPodAutoscaler's utilisation is measured against");
        }
    }

    private static Optional<Quantity> memory(Map<String, Quantity> resources) {
        return Optional.ofNullable(resources).map(values -> values.get("memory"));
    }

    private static void checkSecurity(String at, V1SecurityContext security, List<String> problems) {
        boolean locked = security != null && Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())
                && Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())
                && security.getCapabilities() != null && security.getCapabilities().getDrop() != null
                && security.getCapabilities().getDrop().contains("ALL");
        if (!locked) {
            problems.add(at + ": not read-only root, no privilege escalation and all capabilities dropped");
        }
    }

    private static void checkShutdown(String at, V1Container container, Long gracePeriod, List<String> problems) {
        OptionalLong sleep = GracefulShutdown.preStopSeconds(container);
        if (sleep.isEmpty()) {
            problems.add(at + ": no preStop sleep that lets endpoints drop the pod before the JVM stops");
            return;
        }
        long grace = gracePeriod == null ? 30 : gracePeriod;
        long shutdownPhase = GracefulShutdown.springShutdownPhaseSeconds(container.getName());
        if (grace <= sleep.getAsLong() + shutdownPhase) {
            problems.add(at + ": terminationGracePeriodSeconds " + grace + " is not above the preStop sleep ("
                    + sleep.getAsLong() + " s) plus Spring's shutdown phase (" + shutdownPhase + " s)");
        }
    }
}
