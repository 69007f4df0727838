package dev.ticketing.infra.stack;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The processes the stack runs, with their module (and jar) names, database schema, if any, and the stores that
 * must accept connections before each starts: a service with a schema opens its connection pool and runs its
 * migrations while starting; queue-service and the gateway keep their state in Redis; analytics-service keeps its
 * state in Kafka (changelog topics) and a local directory. Every one of them talks to Kafka.
 */
public enum ServiceName {
    QUEUE("queue-service", null, Store.REDIS, Store.KAFKA),
    CONCERT("concert-service", "concert", Store.MARIADB, Store.KAFKA),
    RESERVATION("reservation-service", "reservation", Store.MARIADB, Store.KAFKA),
    PAYMENT("payment-service", "payment", Store.MARIADB, Store.KAFKA),
    ANALYTICS("analytics-service", null, Store.KAFKA),
    GATEWAY("gateway", null, Store.REDIS, Store.KAFKA);

    private final String module;
    private final String databaseUser;
    private final Set<Store> stores;

    ServiceName(String module, String databaseUser, Store first, Store... others) {
        this.module = module;
        this.databaseUser = databaseUser;
        this.stores = EnumSet.of(first, others);
    }

    public String module() {
        return module;
    }

    /** The schema's user; the schema is {@code <user>_db}. */
    public Optional<String> databaseUser() {
        return Optional.ofNullable(databaseUser);
    }

    /** The stores that must accept connections before this service starts. */
    public Set<Store> stores() {
        return EnumSet.copyOf(stores);
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
