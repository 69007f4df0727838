package dev.ticketing.gateway.token;

/**
 * A verified queue token: whose it is, for which concert, and in which state it was issued.
 *
 * @param tokenId   {@code jti}, forwarded as X-Token-Id
 * @param userId    {@code sub}, forwarded as X-User-Id
 * @param concertId {@code cid}, forwarded as X-Concert-Id
 */
public record QueueToken(String tokenId, String userId, String concertId, State state) {

    public enum State {
        WAITING,
        ACTIVE
    }

    public boolean isActive() {
        return state == State.ACTIVE;
    }
}
