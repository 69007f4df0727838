package dev.ticketing.gateway.access;

import static dev.ticketing.identity.IdentityHeaders.CONCERT_ID;
import static dev.ticketing.identity.IdentityHeaders.TOKEN_ID;
import static dev.ticketing.identity.IdentityHeaders.USER_ID;

import dev.ticketing.gateway.token.QueueToken;
import dev.ticketing.identity.IdentityHeaders;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The {@link IdentityHeaders} services take identity from. Only the gateway sets them, from a verified token;
 * whatever a client sent under these names is dropped on every route, public ones included.
 */
final class ForwardedIdentity {

    private ForwardedIdentity() {
    }

    /** The exchange without client-sent identity headers; unchanged (no copy) when there were none. */
    static ServerWebExchange stripped(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (IdentityHeaders.ALL.stream().noneMatch(headers::containsHeader)) {
            return exchange;
        }
        return exchange.mutate().request(request -> request.headers(writable -> IdentityHeaders.ALL.forEach(writable::remove)))
                .build();
    }

    /** The exchange carrying the token's identity, replacing anything the client sent under the same names. */
    static ServerWebExchange of(ServerWebExchange exchange, QueueToken token) {
        return exchange.mutate().request(request -> request.headers(writable -> {
            writable.set(USER_ID, token.userId());
            writable.set(CONCERT_ID, token.concertId());
            writable.set(TOKEN_ID, token.tokenId());
        })).build();
    }
}
