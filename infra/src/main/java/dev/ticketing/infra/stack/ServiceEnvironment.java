package dev.ticketing.infra.stack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** What each service's process is started with: its jar, and settings that wire it into the local stack. */
final class ServiceEnvironment {

    /** Spring Boot's property for the OTLP/HTTP traces endpoint, as an environment variable. */
    static final String OTLP_TRACES_PROPERTY = "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT";

    private final StackSettings settings;

    ServiceEnvironment(StackSettings settings) {
        this.settings = settings;
    }

    /** The first instance's environment. */
    Map<String, String> of(ServiceName service) {
        return of(service, 0);
    }

    /**
     * The environment variables that point an instance of a service at the stack's stores and at every instance of
     * the other services (comma-separated URLs, which common-instances balances over).
     */
    Map<String, String> of(ServiceName service, int replica) {
        StackSettings.Ports ports = settings.ports();
        Map<String, String> env = new HashMap<>(settings.serviceSettings());
        env.put("ADMIN_KEY", settings.adminKey());
        env.put("SERVER_PORT", Integer.toString(settings.portOf(service, replica)));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ports.kafka());
        env.put("SPRING_DATA_REDIS_HOST", "127.0.0.1");
        env.put("SPRING_DATA_REDIS_PORT", Integer.toString(ports.redis()));
        service.databaseUser().ifPresent(user -> {
            env.put("SPRING_DATASOURCE_URL", "jdbc:mysql://127.0.0.1:" + ports.mariaDb() + "/" + user
                    + "_db?sslMode=DISABLED&allowPublicKeyRetrieval=true");
            env.put("SPRING_DATASOURCE_USERNAME", user);
            env.put("SPRING_DATASOURCE_PASSWORD", databasePassword(user));
        });
        // The gateway routes to every service; services call each other's internal APIs by the same names.
        env.put("QUEUE_SERVICE_URL", String.join(",", settings.urlsOf(ServiceName.QUEUE)));
        env.put("CONCERT_SERVICE_URL", String.join(",", settings.urlsOf(ServiceName.CONCERT)));
        env.put("RESERVATION_SERVICE_URL", String.join(",", settings.urlsOf(ServiceName.RESERVATION)));
        env.put("PAYMENT_SERVICE_URL", String.join(",", settings.urlsOf(ServiceName.PAYMENT)));
        env.put("ANALYTICS_SERVICE_URL", String.join(",", settings.urlsOf(ServiceName.ANALYTICS)));
        if (service == ServiceName.ANALYTICS) {
            // Kafka Streams' local stores, kept across a restart of the service: after a clean stop it resumes from
            // its checkpoint instead of restoring every store from its changelog. Other instances reach it where
            // it listens.
            env.put("ANALYTICS_STATE_DIR", settings.stateDirOf(service, replica).toString());
            env.put("ANALYTICS_ADVERTISED_HOST", settings.bindAddressOf(service));
        }
        // Boot exports spans once its endpoint property is set, and fails to start on an empty one: only when asked.
        String traces = settings.serviceSettings().getOrDefault(StackSettings.TRACING_OTLP_ENDPOINT, "").trim();
        if (!traces.isEmpty()) {
            env.put(OTLP_TRACES_PROPERTY, traces);
        }
        return env;
    }

    /** The jar Maven built for the service. */
    Path jarOf(ServiceName service) {
        return settings.repositoryRoot().resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
    }

    /** The local stack's database passwords guard nothing beyond loopback; they only keep the schemas apart. */
    static String databasePassword(String user) {
        return user + "-local";
    }
}
