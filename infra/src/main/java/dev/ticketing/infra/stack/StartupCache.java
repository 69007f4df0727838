package dev.ticketing.infra.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What lets a service JVM start faster the second time: its executable jar extracted into Spring Boot's
 * {@code -Djarmode=tools extract} layout (plain jars on the class path, which class-data sharing needs), and an
 * archive of the classes it loads, written by the JVM itself when the first start's JVM exits.
 *
 * <p>On a JDK with the one-step AOT cache (25 and later, JEP 514/515) the first start runs with
 * {@code -XX:AOTCacheOutput} into a recording file that becomes the cache only once that JVM has exited cleanly;
 * later starts use {@code -XX:AOTCache}. Older JDKs (21 to 24) get a dynamic CDS archive through
 * {@code -XX:+AutoCreateSharedArchive}, which the JVM itself recreates when it no longer fits.
 *
 * <p>Everything lives next to the jar, under {@code target/stack-cache/<jar stamp>/}: a rebuilt jar has another
 * stamp, so its extraction and archives start afresh and the old ones are deleted. The archive's name also
 * carries the JDK and the JVM options, which the JVM checks too. Nothing here may fail a start: if extraction
 * fails the service starts from its jar as before, and a missing, stale or half-written archive is never used
 * (the JVM ignores one that does not match, and a recording is only renamed into place after a clean exit).
 */
final class StartupCache {

    /** Options that already choose an archive, or none: the stack then adds none of its own. */
    private static final List<String> ARCHIVE_OPTIONS = List.of("-XX:AOTCache", "-XX:AOTCacheOutput", "-XX:AOTMode",
            "-XX:AOTConfiguration", "-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit", "-XX:+AutoCreateSharedArchive",
            "-Xshare");
    private static final Duration EXTRACT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration ABANDONED_RECORDING = Duration.ofHours(1);
    static final String RECORDING_SUFFIX = ".recording";

    /** How to launch one service: the command line and, while the first start records, the file it records into. */
    record Launch(List<String> command, Optional<Path> recording, Optional<Path> cache) {

        boolean records() {
            return recording.isPresent();
        }

        /** After a clean exit: the recording becomes the cache (atomically, so no start sees half a file). */
        void keepRecording() {
            recording.filter(Files::isRegularFile).ifPresent(file -> {
                try {
                    if (Files.size(file) > 0) {
                        Files.move(file, cache.orElseThrow(), StandardCopyOption.REPLACE_EXISTING,
                                StandardCopyOption.ATOMIC_MOVE);
                    }
                } catch (IOException e) {
                    // Not worse than before: the next start records again.
                }
            });
            discardRecording();
        }

        /** After a crash or a kill: whatever was written may be incomplete. */
        void discardRecording() {
            recording.ifPresent(file -> {
                deleteQuietly(file);
                deleteQuietly(file.resolveSibling(file.getFileName() + ".config"));
            });
        }
    }

    private final Path jar;
    private final Path javaHome;
    private final int jdkFeature;
    private final String jdkVersion;
    private final List<String> jvmOptions;
    private final Consumer<String> progress;

    StartupCache(Path jar, Path javaHome, Runtime.Version jdk, List<String> jvmOptions, Consumer<String> progress) {
        this.jar = jar;
        this.javaHome = javaHome;
        this.jdkFeature = jdk.feature();
        this.jdkVersion = jdk.toString();
        this.jvmOptions = List.copyOf(jvmOptions);
        this.progress = progress;
    }

    static StartupCache forThisJdk(Path jar, List<String> jvmOptions, Consumer<String> progress) {
        return new StartupCache(jar, Path.of(System.getProperty("java.home")), Runtime.version(), jvmOptions, progress);
    }

    /** The command line for the service's next start, preparing the extracted layout first if the jar is new. */
    Launch prepare(List<String> applicationArguments) {
        Path java = javaHome.resolve("bin").resolve("java");
        Optional<Path> extracted = extracted();
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        Optional<Path> recording = Optional.empty();
        Optional<Path> cache = Optional.empty();
        if (extracted.isPresent() && archiveWanted()) {
            Path archive = stampDirectory().resolve(archiveName());
            if (jdkFeature >= 25) {
                cache = Optional.of(archive);
                if (Files.isRegularFile(archive)) {
                    command.add("-XX:AOTCache=" + archive);
                } else {
                    recording = Optional.of(archive.resolveSibling(archive.getFileName() + "-"
                            + UUID.randomUUID() + RECORDING_SUFFIX));
                    command.add("-XX:AOTCacheOutput=" + recording.get());
                }
            } else {
                command.add("-XX:SharedArchiveFile=" + archive);
                command.add("-XX:+AutoCreateSharedArchive");
            }
            // The archive's own notes (classes it cannot keep, a stale archive it ignores) are not the service's log.
            command.add("-Xlog:cds=off,cds+dynamic=off,aot=off");
        }
        command.add("-jar");
        command.add(extracted.orElse(jar).toString());
        command.addAll(applicationArguments);
        return new Launch(List.copyOf(command), recording, cache);
    }

    /** Which directory belongs to this build of the jar: by its size and modification time. */
    Path stampDirectory() {
        try {
            String stamp = Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
            return cacheRoot().resolve(stamp);
        } catch (IOException e) {
            throw new StackFailure("Cannot read " + jar + ": " + e.getMessage(), e);
        }
    }

    /** The JVM checks the class path itself; the JDK and the options (the collector above all) are checked here. */
    String archiveName() {
        String identity = javaHome + "\n" + jdkVersion + "\n" + String.join(" ", jvmOptions);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "jdk" + jdkFeature + "-" + HexFormat.of().formatHex(digest, 0, 8) + (jdkFeature >= 25 ? ".aot" : ".jsa");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean archiveWanted() {
        return jdkFeature >= 21 && jvmOptions.stream().noneMatch(option -> ARCHIVE_OPTIONS.stream().anyMatch(option::startsWith));
    }

    Path cacheRoot() {
        return jar.toAbsolutePath().getParent().resolve("stack-cache");
    }

    /** The extracted application jar for this build, extracting it first if needed; empty if that fails. */
    Optional<Path> extracted() {
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        Path stampDir = stampDirectory();
        Path app = stampDir.resolve("app");
        Path appJar = app.resolve(jar.getFileName());
        if (Files.isRegularFile(appJar)) {
            deleteAbandonedRecordings(stampDir);
            return Optional.of(appJar);
        }
        deleteOtherBuilds(stampDir);
        Path partial = stampDir.resolve("app-" + UUID.randomUUID() + ".partial");
        try {
            Files.createDirectories(stampDir);
            progress.accept("extracting " + jar.getFileName() + " for class-data sharing (once per build)");
            Process extract = new ProcessBuilder(javaHome.resolve("bin").resolve("java").toString(),
                    "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", partial.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!extract.waitFor(EXTRACT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                extract.destroyForcibly();
                throw new IOException("extraction took longer than " + EXTRACT_TIMEOUT.toMinutes() + " min");
            }
            if (extract.exitValue() != 0 || !Files.isRegularFile(partial.resolve(jar.getFileName()))) {
                throw new IOException("extraction exited with code " + extract.exitValue());
            }
            try {
                Files.move(partial, app, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
                // Another stack extracted the same build at the same time: theirs is as good.
                deleteRecursively(partial);
            }
            return Files.isRegularFile(appJar) ? Optional.of(appJar) : Optional.empty();
        } catch (IOException e) {
            deleteRecursively(partial);
            progress.accept("could not extract " + jar.getFileName() + " (" + e.getMessage() + "); starting it from the jar");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deleteRecursively(partial);
            throw new StackFailure("Interrupted while extracting " + jar, e);
        }
    }

    /** Earlier builds of this jar: their extraction and archives fit no more. */
    private void deleteOtherBuilds(Path keep) {
        if (!Files.isDirectory(cacheRoot())) {
            return;
        }
        try (Stream<Path> builds = Files.list(cacheRoot())) {
            builds.filter(dir -> !dir.equals(keep)).forEach(StartupCache::deleteRecursively);
        } catch (IOException ignored) {
            // Only disk space.
        }
    }

    /** Recordings a killed launcher left behind; a recent one may belong to another stack that is still running. */
    private static void deleteAbandonedRecordings(Path stampDir) {
        Instant before = Instant.now().minus(ABANDONED_RECORDING);
        try (Stream<Path> files = Files.list(stampDir)) {
            files.filter(file -> file.getFileName().toString().contains(RECORDING_SUFFIX))
                    .filter(file -> modifiedBefore(file, before))
                    .forEach(StartupCache::deleteQuietly);
        } catch (IOException ignored) {
            // Only disk space.
        }
    }

    private static boolean modifiedBefore(Path file, Instant instant) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(instant);
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Only disk space.
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(StartupCache::deleteQuietly);
        } catch (IOException ignored) {
            // Only disk space.
        }
    }
}
