package dev.ticketing.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.ticketing.infra.embedded.EmbeddedKafka;
import dev.ticketing.infra.embedded.EmbeddedMariaDb;
import dev.ticketing.infra.embedded.EmbeddedRedis;
import dev.ticketing.infra.embedded.Ports;

/** The embedded real servers, on free ports, with their data in a temporary directory. */
final class EmbeddedInfrastructure implements TestInfrastructure.StoppableInfrastructure {

    private final EmbeddedKafka kafka;
    private final EmbeddedMariaDb mariaDb;
    private final EmbeddedRedis redis;
    private final Map<String, Database> databases = new ConcurrentHashMap<>();

    private EmbeddedInfrastructure(EmbeddedKafka kafka, EmbeddedMariaDb mariaDb, EmbeddedRedis redis) {
        this.kafka = kafka;
        this.mariaDb = mariaDb;
        this.redis = redis;
    }

    static EmbeddedInfrastructure start() {
        try {
            Path dir = Files.createTempDirectory("ticketing-test-infra-");
            EmbeddedRedis redis = EmbeddedRedis.start(Ports.freePort(), Optional.empty());
            EmbeddedMariaDb mariaDb = EmbeddedMariaDb.start(Ports.freePort(), dir.resolve("mariadb"));
            EmbeddedKafka kafka = EmbeddedKafka.start(Ports.freePort(), Ports.freePort(), dir.resolve("kafka"));
            return new EmbeddedInfrastructure(kafka, mariaDb, redis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String redisHost() {
        return redis.host();
    }

    @Override
    public int redisPort() {
        return redis.port();
    }

    @Override
    public Database database(String schema) {
        return databases.computeIfAbsent(schema, name -> {
            String user = name.replaceFirst("_db$", "");
            mariaDb.createDatabase(name, user, user + "-test");
            return new Database(mariaDb.jdbcUrl(name), user, user + "-test");
        });
    }

    @Override
    public void stop() {
        kafka.close();
        mariaDb.close();
        redis.close();
    }
}
