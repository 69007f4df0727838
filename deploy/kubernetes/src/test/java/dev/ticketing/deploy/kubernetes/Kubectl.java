package dev.ticketing.deploy.kubernetes;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * kubectl from the PATH, for its built-in kustomize: v5 in a current kubectl, v2.0.3 in Debian bookworm's
 * {@code kubernetes-client} (kubectl 1.20), which CI installs. Nothing here talks to a cluster.
 */
record Kubectl(Path executable) {

    /** What {@code kubectl kustomize} printed: the manifests on stdout, warnings (or the error) on stderr. */
    record Rendering(int exitCode, String manifests, String messages) {
    }

    static Optional<Kubectl> onPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst()
                .map(Kubectl::new);
    }

    Rendering kustomize(Path directory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(executable.toString(), "kustomize", directory.toString()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        // Both streams at once: a large rendering must not block on a full stderr pipe, or the other way round.
        CompletableFuture<String> messages = CompletableFuture.supplyAsync(() -> text(process.getErrorStream()));
        String manifests = text(process.getInputStream());
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Rendering(-1, manifests, messages.join() + "\n(kubectl did not finish within 2 minutes)");
        }
        return new Rendering(process.exitValue(), manifests, messages.join());
    }

    private static String text(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
