package dev.ticketing.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mysql.MySQLContainer;

/** Kafka, MySQL 8.4 and Redis 7 in containers: the same images docker-compose runs. */
final class ContainerInfrastructure implements TestInfrastructure.StoppableInfrastructure {

    private static final String ROOT_PASSWORD = "root-test";

    private final KafkaContainer kafka;
    private final MySQLContainer mysql;
    private final GenericContainer<?> redis;
    private final Map<String, Database> databases = new ConcurrentHashMap<>();

    private ContainerInfrastructure(KafkaContainer kafka, MySQLContainer mysql, GenericContainer<?> redis) {
        this.kafka = kafka;
        this.mysql = mysql;
        this.redis = redis;
    }

    @SuppressWarnings("resource") // stopped by the shutdown hook through stop()
    static ContainerInfrastructure start() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
        MySQLContainer mysql = new MySQLContainer("mysql:8.4").withUsername("root").withPassword(ROOT_PASSWORD);
        GenericContainer<?> redis = new GenericContainer<>("redis:7").withExposedPorts(6379);
        kafka.start();
        mysql.start();
        redis.start();
        return new ContainerInfrastructure(kafka, mysql, redis);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String redisHost() {
        return redis.getHost();
    }

    @Override
    public int redisPort() {
        return redis.getMappedPort(6379);
    }

    @Override
    public Database database(String schema) {
        return databases.computeIfAbsent(schema, name -> {
            String user = name.replaceFirst("_db$", "");
            String password = user + "-test";
            try (Connection root = DriverManager.getConnection(mysql.getJdbcUrl(), "root", ROOT_PASSWORD);
                 Statement statement = root.createStatement()) {
                statement.execute("CREATE DATABASE IF NOT EXISTS `" + name + "`");
                statement.execute("CREATE USER IF NOT EXISTS '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
                statement.execute("GRANT ALL PRIVILEGES ON `" + name + "`.* TO '" + user + "'@'%'");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create schema " + name + " in MySQL", e);
            }
            String url = "jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306) + "/" + name
                    + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
            return new Database(url, user, password);
        });
    }

    @Override
    public void stop() {
        kafka.stop();
        mysql.stop();
        redis.stop();
    }
}
