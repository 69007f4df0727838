package dev.ticketing.gateway.access;

import org.springframework.http.HttpMethod;

import static dev.ticketing.gateway.access.Access.ACTIVE;
import static dev.ticketing.gateway.access.Access.ACTIVE_FOR_CONCERT;
import static dev.ticketing.gateway.access.Access.ADMIN;
import static dev.ticketing.gateway.access.Access.ANY_TOKEN;
import static dev.ticketing.gateway.access.Access.JOIN;
import static dev.ticketing.gateway.access.Access.PUBLIC;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;

/**
 * Who may call what: the one table the gateway's token check reads (DESIGN.md section 4). The first matching rule
 * wins; a method of {@code null} matches any method. {@code HEAD} is looked up as {@code GET} (DESIGN.md section 4:
 * "HEAD is checked and answered like GET"): the service answers it with GET's headers, so it must need what GET
 * needs, or a WAITING token could probe ACTIVE-only routes with it.
 *
 * <p><b>POST /api/v1/reservations and WRONG_CONCERT.</b> Its concert is in the JSON body, not the path. The gateway
 * does not read it: buffering and parsing bodies in the gateway costs every booking a copy and a JSON parse on the
 * hottest write path, while reservation-service parses that body anyway. So the gateway requires an ACTIVE token
 * and forwards the token's concert as {@code X-Concert-Id}; reservation-service answers 403 {@code WRONG_CONCERT}
 * when the body's {@code concertId} differs from it. The same holds for any future route with the concert in its
 * body.
 *
 * <p><b>Paths not listed</b> (other methods on known paths, paths a service may add) need a valid token: a new
 * endpoint is never public by accident. Paths no route serves never reach this table: they are 404 before it.
 * Actuator and Swagger UI are answered by the gateway itself, not routed, so the filter does not see them either;
 * they are listed so the table reads as the whole contract.
 */
public final class AccessPolicy {

    /** One row of the table. */
    public record Rule(HttpMethod method, PathTemplate path, Access access) {

        boolean matches(HttpMethod requestMethod, String requestPath) {
            return (method == null || method.equals(requestMethod)) && path.matches(requestPath);
        }

        /** For {@link Access#ACTIVE_FOR_CONCERT}: whether the path's {@code {concertId}} is this concert. */
        public boolean concertIs(String requestPath, String concertId) {
            return path.concertIs(requestPath, concertId);
        }
    }

    private static final Rule[] RULES = {
            rule(GET, "/api/v1/concerts", PUBLIC),
            rule(POST, "/api/v1/queue/tokens", JOIN),
            rule(GET, "/api/v1/queue/jwks.json", PUBLIC),
            rule(GET, "/v3/api-docs/**", PUBLIC),
            rule(GET, "/", PUBLIC), // the fans' page and its files (page.FansPageHeaders)
            rule(GET, "/index.html", PUBLIC),
            rule(GET, "/app/**", PUBLIC),
            rule(GET, "/swagger-ui.html", PUBLIC),
            rule(GET, "/swagger-ui/**", PUBLIC),
            rule(GET, "/webjars/swagger-ui/**", PUBLIC),
            rule(GET, "/actuator/**", PUBLIC),

            rule(null, "/api/v1/admin/**", ADMIN),

            rule(GET, "/api/v1/queue/tokens/me", ANY_TOKEN),
            rule(GET, "/api/v1/balance", ANY_TOKEN),
            rule(POST, "/api/v1/balance/charges", ANY_TOKEN),
            rule(GET, "/api/v1/balance/history", ANY_TOKEN),
            rule(GET, "/api/v1/reservations", ANY_TOKEN),
            rule(GET, "/api/v1/reservations/*", ANY_TOKEN),
            rule(GET, "/api/v1/payments", ANY_TOKEN),
            rule(GET, "/api/v1/payments/*", ANY_TOKEN),

            rule(GET, "/api/v1/concerts/{concertId}/dates", ACTIVE_FOR_CONCERT),
            rule(GET, "/api/v1/concerts/{concertId}/dates/*/seats", ACTIVE_FOR_CONCERT),
            rule(POST, "/api/v1/reservations", ACTIVE), // concert in the body: reservation-service checks it
            rule(POST, "/api/v1/payments", ACTIVE),
    };

    private static final Rule UNLISTED = new Rule(null, new PathTemplate("/**"), ANY_TOKEN);

    private AccessPolicy() {
    }

    public static Rule ruleFor(HttpMethod method, String path) {
        HttpMethod checkedAs = HEAD.equals(method) ? GET : method;
        for (Rule rule : RULES) {
            if (rule.matches(checkedAs, path)) {
                return rule;
            }
        }
        return UNLISTED;
    }

    private static Rule rule(HttpMethod method, String path, Access access) {
        PathTemplate template = new PathTemplate(path);
        if ((access == ACTIVE_FOR_CONCERT) != template.namesConcert()) {
            throw new IllegalArgumentException("a concert-bound rule names {concertId}, no other does: " + path);
        }
        return new Rule(method, template, access);
    }
}
