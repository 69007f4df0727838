package dev.ticketing.infra.stack;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The processes the stack runs, with their module (and jar) names and database schema, if any. */
public enum ServiceName {
    QUEUE("queue-service", null),
    CONCERT("concert-service", "concert"),
    RESERVATION("reservation-service", "reservation"),
    PAYMENT("payment-service", "payment"),
    GATEWAY("gateway", null);

    private final String module;
    private final String databaseUser;

    ServiceName(String module, String databaseUser) {
        this.module = module;
        this.databaseUser = databaseUser;
    }

    public String module() {
        return module;
    }

    /** The schema's user; the schema is {@code <user>_db}. */
    public Optional<String> databaseUser() {
        return Optional.ofNullable(databaseUser);
    }

    /**
     * The stores that must accept connections before this service starts: a service with a schema opens its
     * connection pool and runs its migrations while starting; the others keep their state in Redis. Every one
     * of them talks to Kafka.
     */
    public Set<Store> stores() {
        return databaseUser == null ? EnumSet.of(Store.REDIS, Store.KAFKA) : EnumSet.of(Store.MARIADB, Store.KAFKA);
    }

    public Optional<String> schema() {
        return databaseUser().map(user -> user + "_db");
    }

    public static ServiceName fromModule(String module) {
        for (ServiceName name : values()) {
            if (name.module.equals(module) || name.name().equalsIgnoreCase(module)) {
                return name;
            }
        }
        throw new StackFailure("Unknown service '" + module + "'");
    }
}
