package dev.ticketing.concert;

/** The admin key every concert-service IT configures, so that they all share one Spring context. */
public final class TestAdminKey {

    public static final String VALUE = "it-admin-key-7c1e";
    public static final String PROPERTY = "ticketing.admin-key=" + VALUE;

    private TestAdminKey() {
    }
}
