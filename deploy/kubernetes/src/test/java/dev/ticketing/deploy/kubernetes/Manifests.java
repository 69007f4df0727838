package dev.ticketing.deploy.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The committed manifests, copied to a scratch directory so that they render as committed: each overlay's
 * secrets.env, which nobody commits, comes from its secrets.env.example there, and a real secrets.env lying in a
 * developer's checkout is neither copied nor read.
 */
final class Manifests {

    /** What secrets.env.example puts where a secret goes. */
    static final String PLACEHOLDER = "change-me";

    private static final Path MODULE = Path.of("");
    private static final String SECRETS = "secrets.env";

    private Manifests() {
    }

    record Copy(Path root) {

        Path base() {
            return root.resolve("base");
        }

        List<Path> overlays() throws IOException {
            try (Stream<Path> overlays = Files.list(root.resolve("overlays"))) {
                return overlays.filter(Files::isDirectory).sorted().toList();
            }
        }

        /**
         * A temporary overlay over the base that applies a JSON patch (RFC 6902, which both kustomize versions
         * apply without consulting a schema, so a misspelt field survives) to one Deployment and may override
         * settings of the ConfigMap.
         */
        Path brokenOverlay(String name, String deployment, String jsonPatch, String... settings) throws IOException {
            Path overlay = Files.createDirectories(root.resolve("broken").resolve(name));
            StringBuilder kustomization = new StringBuilder("""
                    bases:
                      - ../../base
                    patchesJson6902:
                      - target:
                          group: apps
                          version: v1
                          kind: Deployment
                          name: %s
                        path: patch.yaml
                    """.formatted(deployment));
            if (settings.length > 0) {
                kustomization.append("configMapGenerator:\n  - name: ticketing-settings\n    behavior: merge\n"
                        + "    literals:\n");
                for (String setting : settings) {
                    kustomization.append("      - ").append(setting).append('\n');
                }
            }
            Files.writeString(overlay.resolve("kustomization.yaml"), kustomization);
            Files.writeString(overlay.resolve("patch.yaml"), jsonPatch);
            return overlay;
        }
    }

    static Copy copy(Path scratch) throws IOException {
        for (String tree : List.of("base", "overlays")) {
            try (Stream<Path> files = Files.walk(MODULE.resolve(tree))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    if (file.getFileName().toString().equals(SECRETS)) {
                        continue;
                    }
                    Path target = scratch.resolve(MODULE.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                    if (file.getFileName().toString().equals(SECRETS + ".example")) {
                        Files.copy(file, target.resolveSibling(SECRETS));
                    }
                }
            }
        }
        return new Copy(scratch);
    }

    static List<Path> secretExamples() throws IOException {
        try (Stream<Path> files = Files.walk(MODULE.resolve("overlays"))) {
            return files.filter(file -> file.getFileName().toString().equals(SECRETS + ".example")).sorted().toList();
        }
    }

    /** KEY=value lines of an env file, as kustomize's secretGenerator reads them (comments and blanks skipped). */
    static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                int equals = entry.indexOf('=');
                entries.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return entries;
    }
}
