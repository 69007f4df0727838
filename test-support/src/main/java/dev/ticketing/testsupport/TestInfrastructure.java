package dev.ticketing.testsupport;

import java.util.Locale;

import org.testcontainers.DockerClientFactory;

/**
 * One real Kafka broker, one MySQL-compatible server and one Redis per test JVM, started on first use and
 * stopped when the JVM exits. Testcontainers runs them when a Docker engine answers; otherwise the embedded
 * real servers from the {@code infra} module do. {@code TICKETING_TEST_INFRA=embedded|containers} forces one.
 */
public interface TestInfrastructure {

    String kafkaBootstrapServers();

    String redisHost();

    int redisPort();

    /** Creates (once) a schema with its own user, as each service has in production, and says how to reach it. */
    Database database(String schema);

    record Database(String jdbcUrl, String username, String password) {
    }

    /** What the holder needs beyond the public view: a way to stop everything when the JVM exits. */
    interface StoppableInfrastructure extends TestInfrastructure {
        void stop();
    }

    static TestInfrastructure get() {
        return Holder.INSTANCE;
    }

    final class Holder {

        private static final TestInfrastructure INSTANCE = create();

        private Holder() {
        }

        private static TestInfrastructure create() {
            String forced = System.getenv().getOrDefault("TICKETING_TEST_INFRA", "").toLowerCase(Locale.ROOT);
            boolean containers = switch (forced) {
                case "containers" -> true;
                case "embedded" -> false;
                default -> dockerAvailable();
            };
            StoppableInfrastructure infrastructure = containers ? ContainerInfrastructure.start() : EmbeddedInfrastructure.start();
            Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::stop, "test-infrastructure-stop"));
            return infrastructure;
        }

        private static boolean dockerAvailable() {
            try {
                return DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }
    }
}
