package dev.ticketing.infra.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.flywaydb.core.Flyway;

import dev.ticketing.infra.embedded.EmbeddedMariaDb;
import dev.ticketing.infra.embedded.EmbeddedRedis;
import dev.ticketing.infra.embedded.Ports;
import dev.ticketing.infra.stack.ServiceName;
import dev.ticketing.infra.stack.StackSettings;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * A real MariaDB with the three service schemas as {@code LocalStack} sets them up (schema, user, password) and
 * built by the services' own Flyway scripts, plus a real Redis: what the audit reads on a running stack.
 */
final class ServiceStores implements AutoCloseable {

    static final List<ServiceName> WITH_SCHEMA = List.of(ServiceName.CONCERT, ServiceName.RESERVATION, ServiceName.PAYMENT);

    final StackSettings settings;
    final AuditSources sources;
    private final EmbeddedMariaDb mariaDb;
    private final EmbeddedRedis redis;
    private final RedisClient redisClient;
    private final StatefulRedisConnection<String, String> redisConnection;

    private ServiceStores(StackSettings settings, EmbeddedMariaDb mariaDb, EmbeddedRedis redis) {
        this.settings = settings;
        this.sources = AuditSources.of(settings);
        this.mariaDb = mariaDb;
        this.redis = redis;
        this.redisClient = RedisClient.create(RedisURI.create(redis.host(), redis.port()));
        this.redisConnection = redisClient.connect();
    }

    static ServiceStores start(Path dir, int maxActive) {
        StackSettings.Ports standard = StackSettings.Ports.standard();
        StackSettings.Ports ports = new StackSettings.Ports(standard.gateway(), standard.queue(), standard.concert(),
                standard.reservation(), standard.payment(), standard.analytics(), standard.kafka(), standard.kafkaController(),
                Ports.freePort(), Ports.freePort());
        StackSettings settings = new StackSettings(StackSettings.findRepositoryRoot(Path.of("")), dir.resolve("stack"), ports,
                StackSettings.DEFAULT_SETTINGS, "test-admin-key", List.of(), false)
                .withSetting("QUEUE_MAX_ACTIVE", Integer.toString(maxActive));
        EmbeddedMariaDb mariaDb = EmbeddedMariaDb.start(ports.mariaDb(), dir.resolve("mariadb"));
        EmbeddedRedis redis = EmbeddedRedis.start(ports.redis(), Optional.empty());
        ServiceStores stores = new ServiceStores(settings, mariaDb, redis);
        for (ServiceName service : WITH_SCHEMA) {
            String user = service.databaseUser().orElseThrow();
            mariaDb.createDatabase(service.schema().orElseThrow(), user, user + "-local");
        }
        return stores;
    }

    /** Empties every store and migrates each schema afresh with common-messaging's and the service's own scripts. */
    void reset() {
        Path root = settings.repositoryRoot();
        for (ServiceName service : WITH_SCHEMA) {
            AuditSources.Database db = database(service);
            Flyway flyway = Flyway.configure()
                    .dataSource(db.jdbcUrl(), db.user(), db.password())
                    .locations("filesystem:" + root.resolve("common-messaging/src/main/resources/db/migration"),
                            "filesystem:" + root.resolve(service.module() + "/src/main/resources/db/migration"))
                    .cleanDisabled(false)
                    .load();
            flyway.clean();
            flyway.migrate();
        }
        redis().flushall();
    }

    void sql(ServiceName service, String sql, Object... parameters) {
        AuditSources.Database db = database(service);
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i] instanceof Instant instant ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : parameters[i];
                statement.setObject(i + 1, value);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(service + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    RedisCommands<String, String> redis() {
        return redisConnection.sync();
    }

    private AuditSources.Database database(ServiceName service) {
        return switch (service) {
            case CONCERT -> sources.concert();
            case RESERVATION -> sources.reservation();
            case PAYMENT -> sources.payment();
            default -> throw new IllegalArgumentException(service + " has no schema");
        };
    }

    @Override
    public void close() {
        redisConnection.close();
        redisClient.shutdown();
        redis.close();
        mariaDb.close();
    }
}
