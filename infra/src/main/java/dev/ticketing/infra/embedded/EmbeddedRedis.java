package dev.ticketing.infra.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import redis.embedded.RedisServer;

/**
 * A real {@code redis-server} process (the binary shipped in embedded-redis, Redis 6.2), bound to loopback.
 * With a data directory it persists with an append-only file, so the local stack keeps its queues
 * across restarts; without one it keeps everything in memory, which is what tests want.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedRedis start(int port, Optional<Path> dataDir) {
        Ports.requireFree("Redis", port);
        try {
            var builder = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("maxmemory 512mb")
                    .setting("save \"\"")
                    .onShutdownForceStop(true);
            if (dataDir.isPresent()) {
                Files.createDirectories(dataDir.get());
                builder.setting("dir " + dataDir.get().toAbsolutePath())
                        .setting("pidfile " + dataDir.get().toAbsolutePath().resolve("redis.pid"))
                        .setting("appendonly yes")
                        .setting("appendfsync everysec");
            } else {
                builder.setting("appendonly no");
            }
            RedisServer server = builder.build();
            server.start();
            return new EmbeddedRedis(server, port);
        } catch (IOException e) {
            throw new EmbeddedServerFailure("Redis did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new EmbeddedServerFailure("Redis did not stop cleanly", e);
        }
    }
}
