package dev.ticketing.queue.waiting.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * The claims of one queue token JWS (docs/queue-tokens.md): {@code iss}, {@code jti} = token id, {@code sub} =
 * user, {@code cid} = concert, {@code st} = state when issued, {@code iat}, {@code exp}. Times are whole seconds,
 * as JWT numeric dates are.
 */
public record QueueTokenClaims(UUID tokenId, UUID userId, UUID concertId, TokenStatus status,
                               Instant issuedAt, Instant expiresAt) {

    public static final String ISSUER = "ticketing-queue";

    public QueueTokenClaims {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(concertId, "concertId");
        if (status != TokenStatus.WAITING && status != TokenStatus.ACTIVE) {
            throw new IllegalArgumentException("only WAITING and ACTIVE tokens are issued, not " + status);
        }
        issuedAt = Objects.requireNonNull(issuedAt, "issuedAt").truncatedTo(ChronoUnit.SECONDS);
        expiresAt = Objects.requireNonNull(expiresAt, "expiresAt").truncatedTo(ChronoUnit.SECONDS);
        // Equal is possible: an ACTIVE token polled in the last second of its life, both times cut to seconds.
        if (expiresAt.isBefore(issuedAt)) {
            throw new IllegalArgumentException("a token cannot expire before it is issued: " + issuedAt + " / "
                    + expiresAt);
        }
    }

    /**
     * A fresh JWS for an entry: a WAITING one lives {@link QueuePolicy#WAITING_TOKEN_LIFETIME} from now (the
     * queue ends it earlier if the client stops polling); an ACTIVE one ends when the entry's ACTIVE time does.
     */
    public static QueueTokenClaims issueFor(QueueEntry entry, Instant now) {
        Instant expiresAt = entry.status() == TokenStatus.ACTIVE
                ? entry.activeUntil()
                : now.plus(QueuePolicy.WAITING_TOKEN_LIFETIME);
        return new QueueTokenClaims(entry.tokenId(), entry.userId(), entry.concertId(), entry.status(), now, expiresAt);
    }
}
