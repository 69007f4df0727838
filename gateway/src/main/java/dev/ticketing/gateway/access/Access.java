package dev.ticketing.gateway.access;

/** What a route asks of its caller; {@link AccessPolicy} says which route needs which. */
public enum Access {

    /** Anyone, no token. */
    PUBLIC,

    /** Anyone, no token, but at most {@code JOIN_RATE_PER_IP} per second per client address (joining the queue). */
    JOIN,

    /** No queue token: the service checks {@code X-Admin-Key}, which the gateway passes through untouched. */
    ADMIN,

    /** A valid queue token, WAITING or ACTIVE. */
    ANY_TOKEN,

    /** An ACTIVE queue token. Where the concert is in the body, the service compares it with X-Concert-Id. */
    ACTIVE,

    /** An ACTIVE queue token for the concert named in the path ({@code {concertId}}). */
    ACTIVE_FOR_CONCERT;

    public boolean needsActiveToken() {
        return this == ACTIVE || this == ACTIVE_FOR_CONCERT;
    }
}
