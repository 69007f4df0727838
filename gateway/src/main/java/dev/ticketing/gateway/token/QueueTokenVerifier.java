package dev.ticketing.gateway.token;

import java.text.ParseException;
import java.time.Clock;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.ticketing.gateway.error.RejectedRequest;
import dev.ticketing.gateway.upstream.ServiceUnavailable;
import org.springframework.stereotype.Component;

/**
 * Checks a queue token locally (docs/queue-tokens.md): ES256 signature by a key of the queue service's set,
 * issuer, a lifetime no longer than revocations are remembered ({@link TokenSettings#maxLifetime()}), expiry with
 * a little clock skew, and the revocations fed from Kafka. Anything wrong is a
 * {@link RejectedRequest} with the contract's code. Pure CPU work, safe on an event-loop thread.
 */
@Component
public class QueueTokenVerifier {

    static final String ISSUER = "ticketing-queue";
    /** Clocks of the queue service and the gateway may differ a little; the contract allows at most 5 s. */
    static final long CLOCK_SKEW_MILLIS = 5_000;

    private static final String BEARER = "Bearer ";

    private final QueueKeys keys;
    private final TokenRevocations revocations;
    private final Clock clock;
    private final long longestLifetimeMillis;
    private final VerifiedTokens verified = new VerifiedTokens();

    public QueueTokenVerifier(QueueKeys keys, TokenRevocations revocations, TokenSettings settings, Clock clock) {
        this.keys = keys;
        this.revocations = revocations;
        this.clock = clock;
        this.longestLifetimeMillis = settings.maxLifetime().toMillis();
    }

    /**
     * The token in an {@code Authorization} header, or {@code null} when it names a key id the key set does not
     * hold: the caller then has the set refreshed and calls {@link #verifyAfterKeyRefresh}.
     */
    public QueueToken verify(String authorization) {
        VerifiedTokens.Verified known = authorization == null ? null : verified.recall(authorization);
        if (known != null && keys.verifierFor(known.kid()) == known.key()) {
            return stillValid(known.token(), known.expiresAtMillis());
        }
        SignedJWT jws = parse(authorization);
        JWSVerifier key = keys.verifierFor(jws.getHeader().getKeyID());
        return key == null ? null : verify(authorization, jws, key);
    }

    /** As {@link #verify}, for a token whose key id was unknown, once the key set has been fetched again. */
    public QueueToken verifyAfterKeyRefresh(String authorization) {
        SignedJWT jws = parse(authorization);
        JWSVerifier key = keys.verifierFor(jws.getHeader().getKeyID());
        if (key != null) {
            return verify(authorization, jws, key);
        }
        if (!keys.loaded()) {
            // No key set yet (the gateway is not ready): the token may well be valid, so no 401.
            throw new ServiceUnavailable("queue-service", new IllegalStateException("no JWK Set loaded"));
        }
        throw RejectedRequest.tokenInvalid("The queue token is signed by an unknown key");
    }

    private static SignedJWT parse(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw RejectedRequest.tokenInvalid("Send the queue token as Authorization: Bearer <token>");
        }
        try {
            SignedJWT jws = SignedJWT.parse(authorization.substring(BEARER.length()).trim());
            if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) {
                throw RejectedRequest.tokenInvalid("The queue token is not signed with ES256");
            }
            return jws;
        } catch (ParseException e) {
            throw RejectedRequest.tokenInvalid("The queue token is not a signed JWT");
        }
    }

    private QueueToken verify(String authorization, SignedJWT jws, JWSVerifier key) {
        if (!verifies(jws, key)) {
            throw RejectedRequest.tokenInvalid("The queue token's signature does not verify");
        }
        VerifiedTokens.Verified checked = claimsOf(jws, key);
        verified.remember(authorization, checked);
        return stillValid(checked.token(), checked.expiresAtMillis());
    }

    /**
     * Remembers a token queue-service has just issued, named in its answer as it passed through this gateway
     * ({@code Ticketing-Issued-Token}, trusted only on the route configured for it): the fan's first request with
     * it then skips the signature check, as every later one does. Its claims are read as {@link #verify} reads them;
     * expiry and revocation are still checked on every use. A token this gateway cannot place (a key it has not
     * fetched yet, claims it would refuse) is not remembered, and is checked in full when used.
     *
     * @return whether it was remembered now
     */
    public boolean learn(String jws) {
        String authorization = BEARER + jws;
        if (verified.recall(authorization) != null) {
            return false;
        }
        try {
            SignedJWT parsed = parse(authorization);
            JWSVerifier key = keys.verifierFor(parsed.getHeader().getKeyID());
            if (key == null) {
                return false;
            }
            verified.remember(authorization, claimsOf(parsed, key));
            return true;
        } catch (RejectedRequest unusable) {
            return false;
        }
    }

    private VerifiedTokens.Verified claimsOf(SignedJWT jws, JWSVerifier key) {
        try {
            JWTClaimsSet claims = jws.getJWTClaimsSet();
            if (!ISSUER.equals(claims.getIssuer())) {
                throw RejectedRequest.tokenInvalid("The queue token was not issued by the queue");
            }
            Date issued = claims.getIssueTime();
            Date expires = claims.getExpirationTime();
            QueueToken.State state = stateOf(claims.getStringClaim("st"));
            QueueToken token = new QueueToken(claims.getJWTID(), claims.getSubject(), claims.getStringClaim("cid"),
                    state);
            if (issued == null || expires == null || token.tokenId() == null || token.userId() == null
                    || token.concertId() == null || state == null) {
                throw RejectedRequest.tokenInvalid("The queue token lacks a claim (iat, exp, jti, sub, cid, st)");
            }
            // Revoked token ids are remembered for the longest lifetime only: a longer-lived JWS could outlive its
            // revocation here (a queue service configured for longer tokens than this gateway).
            if (expires.getTime() - issued.getTime() > longestLifetimeMillis + CLOCK_SKEW_MILLIS) {
                throw RejectedRequest.tokenInvalid("The queue token lives longer than this gateway accepts");
            }
            return new VerifiedTokens.Verified(token, expires.getTime(), jws.getHeader().getKeyID(), key);
        } catch (ParseException e) {
            throw RejectedRequest.tokenInvalid("The queue token's claims are malformed");
        }
    }

    /** Expiry and revocation: checked on every request, since both change while a token is in use. */
    private QueueToken stillValid(QueueToken token, long expiresAtMillis) {
        if (expiresAtMillis + CLOCK_SKEW_MILLIS < clock.millis() || revocations.isRevoked(token.tokenId())) {
            throw RejectedRequest.tokenExpired("The queue token has expired; join the queue again");
        }
        return token;
    }

    private static boolean verifies(SignedJWT jws, JWSVerifier key) {
        try {
            return jws.verify(key);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    private static QueueToken.State stateOf(String claim) {
        if ("ACTIVE".equals(claim)) {
            return QueueToken.State.ACTIVE;
        }
        return "WAITING".equals(claim) ? QueueToken.State.WAITING : null;
    }
}
