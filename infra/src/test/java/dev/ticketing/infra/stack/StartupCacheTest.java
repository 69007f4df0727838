package dev.ticketing.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK here is a stand-in whose {@code java} only does what Spring Boot's {@code extract} does to the
 * file system, so these tests exercise the cache's own decisions: when to extract, record, use or forget.
 */
class StartupCacheTest {

    private static final Runtime.Version JDK_25 = Runtime.Version.parse("25.0.3");
    private static final Runtime.Version JDK_21 = Runtime.Version.parse("21.0.5");
    private static final List<String> OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC");
    private static final List<String> ARGUMENTS = List.of("--server.address=127.0.0.1");

    @TempDir
    Path dir;
    private Path javaHome;
    private Path jar;

    @BeforeEach
    void fakeJdkAndJar() throws IOException {
        javaHome = dir.resolve("jdk");
        jar = dir.resolve("concert-service/target/concert-service.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "build 1");
        // Arguments: -Djarmode=tools -jar <jar> extract --destination <dir>
        installJava("mkdir -p \"$6/lib\" && cp \"$3\" \"$6/$(basename \"$3\")\"");
    }

    @Test
    void theFirstStartOnJdk25RunsFromTheExtractedJarAndRecordsAnAotCache() {
        StartupCache.Launch launch = cache(JDK_25, OPTIONS).prepare(ARGUMENTS);

        Path extractedJar = launch.command().get(launch.command().indexOf("-jar") + 1).transform(Path::of);
        assertThat(extractedJar).isRegularFile().hasParent(jar.getParent().resolve("stack-cache")
                .resolve(stamp()).resolve("app"));
        assertThat(launch.records()).isTrue();
        assertThat(launch.command()).contains("-XX:AOTCacheOutput=" + launch.recording().orElseThrow())
                .endsWith("--server.address=127.0.0.1")
                .noneMatch(option -> option.startsWith("-XX:AOTCache="));
    }

    @Test
    void aRecordingBecomesTheCacheAfterACleanExitAndLaterStartsUseIt() throws IOException {
        StartupCache.Launch first = cache(JDK_25, OPTIONS).prepare(ARGUMENTS);
        Files.writeString(first.recording().orElseThrow(), "archive");

        first.keepRecording();
        StartupCache.Launch second = cache(JDK_25, OPTIONS).prepare(ARGUMENTS);

        assertThat(first.cache().orElseThrow()).hasContent("archive");
        assertThat(first.recording().orElseThrow()).doesNotExist();
        assertThat(second.records()).isFalse();
        assertThat(second.command()).contains("-XX:AOTCache=" + first.cache().orElseThrow())
                .noneMatch(option -> option.startsWith("-XX:AOTCacheOutput"));
    }

    @Test
    void aRecordingCutShortIsNeverUsedAndTheNextStartRecordsAgain() throws IOException {
        StartupCache.Launch killed = cache(JDK_25, OPTIONS).prepare(ARGUMENTS);
        Files.writeString(killed.recording().orElseThrow(), "half an archive");
        Files.writeString(killed.recording().orElseThrow().resolveSibling(killed.recording().orElseThrow().getFileName() + ".config"), "x");

        killed.discardRecording();
        StartupCache.Launch next = cache(JDK_25, OPTIONS).prepare(ARGUMENTS);

        assertThat(killed.cache().orElseThrow()).doesNotExist();
        try (var files = Files.list(killed.cache().orElseThrow().getParent())) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).containsExactly("app");
        }
        assertThat(next.records()).isTrue();
    }

    @Test
    void aRebuiltJarIsExtractedAfreshAndItsPredecessorsCacheIsDeleted() throws IOException {
        StartupCache.Launch before = cache(JDK_25, OPTIONS).prepare(ARGUMENTS);
        Files.writeString(before.recording().orElseThrow(), "archive of build 1");
        before.keepRecording();
        Path oldBuild = before.cache().orElseThrow().getParent();

        Files.writeString(jar, "build 2, a little longer");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        StartupCache.Launch after = cache(JDK_25, OPTIONS).prepare(ARGUMENTS);

        assertThat(oldBuild).doesNotExist();
        assertThat(after.records()).isTrue();
        Path extractedJar = Path.of(after.command().get(after.command().indexOf("-jar") + 1));
        assertThat(extractedJar).hasContent("build 2, a little longer");
    }

    @Test
    void otherJvmOptionsOrAnotherJdkGetTheirOwnArchive() {
        String serial = cache(JDK_25, OPTIONS).archiveName();

        assertThat(cache(JDK_25, List.of("-Xmx384m", "-XX:+UseParallelGC")).archiveName()).isNotEqualTo(serial);
        assertThat(cache(Runtime.Version.parse("25.0.4"), OPTIONS).archiveName()).isNotEqualTo(serial);
        assertThat(cache(JDK_25, OPTIONS).archiveName()).isEqualTo(serial);
    }

    @Test
    void jdk21GetsADynamicArchiveTheJvmKeepsUpToDateItself() {
        StartupCache.Launch launch = cache(JDK_21, OPTIONS).prepare(ARGUMENTS);

        assertThat(launch.records()).isFalse();
        assertThat(launch.command()).contains("-XX:+AutoCreateSharedArchive")
                .anyMatch(option -> option.startsWith("-XX:SharedArchiveFile=") && option.endsWith(".jsa"))
                .noneMatch(option -> option.startsWith("-XX:AOT"));
    }

    @Test
    void optionsThatChooseTheirOwnArchiveOrNoneAreLeftAlone() {
        StartupCache.Launch launch = cache(JDK_25, List.of("-Xmx384m", "-Xshare:off")).prepare(ARGUMENTS);

        assertThat(launch.records()).isFalse();
        assertThat(launch.command()).noneMatch(option -> option.startsWith("-XX:AOT") || option.startsWith("-XX:Shared"));
    }

    @Test
    void aJarThatCannotBeExtractedStartsAsBefore() throws IOException {
        installJava("exit 3");

        StartupCache.Launch launch = cache(JDK_25, OPTIONS).prepare(ARGUMENTS);

        assertThat(launch.command()).endsWith("-jar", jar.toString(), "--server.address=127.0.0.1");
        assertThat(launch.records()).isFalse();
        try (var partials = Files.walk(jar.getParent().resolve("stack-cache"))) {
            assertThat(partials).noneMatch(path -> path.toString().endsWith(".partial"));
        }
    }

    private StartupCache cache(Runtime.Version jdk, List<String> options) {
        return new StartupCache(jar, javaHome, jdk, options, message -> { });
    }

    private String stamp() {
        return cache(JDK_25, OPTIONS).stampDirectory().getFileName().toString();
    }

    private void installJava(String body) throws IOException {
        Path java = javaHome.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
