package dev.ticketing.gateway.token;

import dev.ticketing.identity.IdentityHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Learns the tokens queue-service issues from its own answers: on the queue route, an answer naming a token it has
 * just signed ({@link IdentityHeaders#ISSUED_TOKEN}) teaches {@link QueueTokenVerifier#learn} that token, so the
 * fan's first poll with a new WAITING token and first booking request with a new ACTIVE one skip the ES256 check
 * (14.5 % of the gateway's CPU samples in an on-sale run: every fan's token is new twice). The trust is the one the
 * gateway already gives queue-service for its key set, and only that route's answers are believed; the header is
 * dropped from every answer on every route, so no client ever sees it.
 */
@Component
class IssuedTokens implements HttpHeadersFilter {

    /** The route of queue-service's public API (application.yml), the one whose answers issue tokens. */
    static final String QUEUE_ROUTE = "queue-service";

    private final QueueTokenVerifier verifier;
    private final Counter learned;

    IssuedTokens(QueueTokenVerifier verifier, MeterRegistry meters) {
        this.verifier = verifier;
        this.learned = Counter.builder("ticketing.gateway.tokens.learned")
                .description("Tokens known from queue-service's answers, whose first use skipped the signature check")
                .register(meters);
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.RESPONSE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        String issued = input.getFirst(IdentityHeaders.ISSUED_TOKEN);
        if (issued == null) {
            return input;
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route != null && QUEUE_ROUTE.equals(route.getId()) && verifier.learn(issued)) {
            learned.increment();
        }
        HttpHeaders answered = new HttpHeaders();
        answered.addAll(input);
        answered.remove(IdentityHeaders.ISSUED_TOKEN);
        return answered;
    }
}
