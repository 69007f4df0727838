package dev.ticketing.infra.stack;

/** The servers the stack runs before its services; each service starts once the ones it needs are ready. */
public enum Store {
    REDIS,
    MARIADB,
    KAFKA
}
