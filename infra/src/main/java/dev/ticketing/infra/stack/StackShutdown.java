package dev.ticketing.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Stops a stack started elsewhere, by the pid files it leaves under the data directory: the launcher first
 * (its shutdown hook stops everything in order), then anything left behind by a launcher that was killed.
 */
final class StackShutdown {

    private final Path dataDir;
    private final Consumer<String> say;

    StackShutdown(Path dataDir, Consumer<String> say) {
        this.dataDir = dataDir;
        this.say = say;
    }

    void stopAll(boolean wipe) {
        LocalStack.readPid(dataDir.resolve("pids/launcher.pid")).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .ifPresentOrElse(launcher -> {
                    say.accept("stopping the stack (launcher pid " + launcher.pid() + ")");
                    // Long enough for services that recorded their first start to write their start-up archive.
                    terminate(launcher, ServiceProcess.RECORDING_STOP_GRACE.toSeconds() + 60);
                }, () -> say.accept("no running launcher"));
        killLeftovers();
        if (wipe) {
            deleteRecursively(dataDir);
            say.accept("deleted " + dataDir);
        }
        say.accept("down");
    }

    /** Processes whose launcher died without cleaning up (e.g. kill -9) would hold the ports of the next start. */
    void killLeftovers() {
        for (Path pidFile : leftoverPidFiles()) {
            LocalStack.readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).ifPresent(process -> {
                say.accept("stopping leftover process " + process.pid() + " (" + pidFile.getFileName() + ")");
                terminate(process, 30);
            });
        }
    }

    void printStatus() {
        boolean any = false;
        for (Path pidFile : leftoverPidFiles()) {
            var alive = LocalStack.readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
            any |= alive.isPresent();
            say.accept(pidFile.getFileName().toString().replace(".pid", "") + ": "
                    + alive.map(p -> "running (pid " + p.pid() + ")").orElse("not running"));
        }
        LocalStack.readPid(dataDir.resolve("pids/launcher.pid")).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .ifPresent(p -> say.accept("launcher (with Kafka): running (pid " + p.pid() + ")"));
        if (!any) {
            say.accept("nothing is running from " + dataDir);
        }
    }

    private List<Path> leftoverPidFiles() {
        List<Path> files = new ArrayList<>();
        Path pids = dataDir.resolve("pids");
        if (Files.isDirectory(pids)) {
            try (Stream<Path> list = Files.list(pids)) {
                list.filter(p -> p.toString().endsWith(".pid") && !p.endsWith("launcher.pid")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        files.add(dataDir.resolve("mariadb/data/mariadbd.pid"));
        files.add(dataDir.resolve("redis/redis.pid"));
        return files.stream().filter(Files::isRegularFile).toList();
    }

    private static void terminate(ProcessHandle process, long graceSeconds) {
        process.destroy();
        try {
            process.onExit().get(graceSeconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new StackFailure("Could not delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
