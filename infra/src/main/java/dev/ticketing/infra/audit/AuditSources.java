package dev.ticketing.infra.audit;

import java.util.Optional;

import dev.ticketing.infra.stack.LocalStack;
import dev.ticketing.infra.stack.ServiceName;
import dev.ticketing.infra.stack.StackSettings;

/**
 * Where the audit reads: one JDBC URL per service schema (they share one server in the local stack, but need
 * not), and queue-service's Redis if it is to be checked.
 */
public record AuditSources(Database concert, Database reservation, Database payment, Optional<Queue> queue) {

    /** A service's schema, read with that service's own credentials. */
    public record Database(String jdbcUrl, String user, String password) {

        @Override
        public String toString() {
            return user + "@" + jdbcUrl;
        }
    }

    /** queue-service's Redis and the {@code QUEUE_MAX_ACTIVE} the service runs with. */
    public record Queue(String host, int port, int maxActive) {
    }

    public static AuditSources of(LocalStack stack) {
        return of(stack.settings());
    }

    /** The schemas, users and Redis that {@link LocalStack} gives the services for these settings. */
    public static AuditSources of(StackSettings settings) {
        StackSettings.Ports ports = settings.ports();
        int maxActive = Integer.parseInt(settings.serviceSettings().getOrDefault("QUEUE_MAX_ACTIVE",
                StackSettings.DEFAULT_SETTINGS.get("QUEUE_MAX_ACTIVE")));
        return new AuditSources(database(ServiceName.CONCERT, ports.mariaDb()), database(ServiceName.RESERVATION, ports.mariaDb()),
                database(ServiceName.PAYMENT, ports.mariaDb()), Optional.of(new Queue("127.0.0.1", ports.redis(), maxActive)));
    }

    public AuditSources withoutQueue() {
        return new AuditSources(concert, reservation, payment, Optional.empty());
    }

    private static Database database(ServiceName service, int port) {
        String user = service.databaseUser().orElseThrow();
        // Mirrors LocalStack: schema <user>_db, password <user>-local (it guards nothing beyond loopback).
        return new Database("jdbc:mysql://127.0.0.1:" + port + "/" + service.schema().orElseThrow()
                + "?sslMode=DISABLED&allowPublicKeyRetrieval=true", user, user + "-local");
    }
}
