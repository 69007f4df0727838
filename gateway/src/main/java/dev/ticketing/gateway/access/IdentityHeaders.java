package dev.ticketing.gateway.access;

import dev.ticketing.gateway.token.QueueToken;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers services take identity from. Only the gateway sets them, from a verified token; whatever a client
 * sent under these names is dropped on every route, public ones included.
 */
final class IdentityHeaders {

    static final String USER_ID = "X-User-Id";
    static final String CONCERT_ID = "X-Concert-Id";
    static final String TOKEN_ID = "X-Token-Id";

    private IdentityHeaders() {
    }

    /** The exchange without client-sent identity headers; unchanged (no copy) when there were none. */
    static ServerWebExchange stripped(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (!headers.containsHeader(USER_ID) && !headers.containsHeader(CONCERT_ID)
                && !headers.containsHeader(TOKEN_ID)) {
            return exchange;
        }
        return exchange.mutate().request(request -> request.headers(writable -> {
            writable.remove(USER_ID);
            writable.remove(CONCERT_ID);
            writable.remove(TOKEN_ID);
        })).build();
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
