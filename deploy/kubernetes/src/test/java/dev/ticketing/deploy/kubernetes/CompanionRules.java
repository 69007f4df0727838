package dev.ticketing.deploy.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2MetricSpec;

/**
 * What each Deployment needs beside it: a HorizontalPodAutoscaler on CPU with a scale-down stabilisation window (and,
 * where asked, at least {@code minReplicas}), one PodDisruptionBudget and a Service whose selectors pick its pods.
 */
final class CompanionRules {

    private CompanionRules() {
    }

    static List<String> check(List<Manifest> manifests, int minReplicas) {
        List<V2HorizontalPodAutoscaler> autoscalers = all(manifests, "HorizontalPodAutoscaler",
                V2HorizontalPodAutoscaler.class);
        List<V1PodDisruptionBudget> budgets = all(manifests, "PodDisruptionBudget", V1PodDisruptionBudget.class);
        List<V1Service> services = all(manifests, "Service", V1Service.class);
        List<String> problems = new ArrayList<>();
        for (V1Deployment deployment : all(manifests, "Deployment", V1Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<V2HorizontalPodAutoscaler> scaling = autoscalers.stream()
                    .filter(hpa -> "Deployment".equals(hpa.getSpec().getScaleTargetRef().getKind())
                            && name.equals(hpa.getSpec().getScaleTargetRef().getName()))
                    .toList();
            if (scaling.size() != 1) {
                problems.add("Deployment/" + name + ": " + scaling.size() + " HorizontalPodAutoscalers, not one");
            }
            scaling.forEach(hpa -> checkAutoscaler(name, hpa, minReplicas, problems));
            long budgetCount = budgets.stream()
                    .filter(pdb -> selects(pdb.getSpec().getSelector().getMatchLabels(), podLabels))
                    .count();
            if (budgetCount != 1) {
                problems.add("Deployment/" + name + ": " + budgetCount
                        + " PodDisruptionBudgets select its pods, not one");
            }
            boolean served = services.stream()
                    .anyMatch(service -> selects(service.getSpec().getSelector(), podLabels)
                            && targetsContainerPorts(service, deployment));
            if (!served) {
                problems.add("Deployment/" + name + ": no Service selects its pods and targets a container port");
            }
        }
        return problems;
    }

    private static void checkAutoscaler(String name, V2HorizontalPodAutoscaler hpa, int minReplicas,
            List<String> problems) {
        String at = "HorizontalPodAutoscaler/" + hpa.getMetadata().getName() + " of " + name;
        int min = Objects.requireNonNullElse(hpa.getSpec().getMinReplicas(), 1);
        if (min < minReplicas) {
            problems.add(at + ": minReplicas " + min + ", at least " + minReplicas + " wanted here");
        }
        boolean onCpu = Objects.requireNonNullElse(hpa.getSpec().getMetrics(), List.<V2MetricSpec>of()).stream()
                .anyMatch(metric -> metric.getResource() != null && "cpu".equals(metric.getResource().getName())
                        && "Utilization".equals(metric.getResource().getTarget().getType()));
        if (!onCpu) {
            problems.add(at + ": does not scale on CPU utilisation");
        }
        boolean windowed = hpa.getSpec().getBehavior() != null && hpa.getSpec().getBehavior().getScaleDown() != null
                && hpa.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds() != null;
        if (!windowed) {
            problems.add(at + ": no scale-down stabilizationWindowSeconds");
        }
    }

    /** True when a non-empty selector's labels are all among the pod's. */
    static boolean selects(Map<String, String> selector, Map<String, String> podLabels) {
        return selector != null && !selector.isEmpty() && podLabels != null
                && podLabels.entrySet().containsAll(selector.entrySet());
    }

    private static boolean targetsContainerPorts(V1Service service, V1Deployment deployment) {
        for (V1ServicePort port : service.getSpec().getPorts()) {
            boolean found = deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                    .anyMatch(container -> DeploymentRules.servesOn(container,
                            port.getTargetPort() != null ? port.getTargetPort()
                                    : new IntOrString(port.getPort())));
            if (!found) {
                return false;
            }
        }
        return true;
    }

    static <T> List<T> all(List<Manifest> manifests, String kind, Class<T> model) {
        return manifests.stream().filter(manifest -> manifest.is(kind)).map(manifest -> manifest.as(model)).toList();
    }
}
