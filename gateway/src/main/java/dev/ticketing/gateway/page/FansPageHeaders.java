package dev.ticketing.gateway.page;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * The fans' page ({@code /}, {@code /index.html}, {@code /app/**}: static files under {@code classpath:/static}) is
 * served by the gateway itself, cacheable by browsers and CDNs ({@code spring.web.resources.cache}). It runs only its
 * own scripts and talks only to this origin's API, and says so to the browser: a Content-Security-Policy that allows
 * nothing else, no framing, no content sniffing, no referrer leaking the page's state to other sites.
 */
@Component
public class FansPageHeaders implements WebFilter {

    private final String cacheControl;

    /** {@code /} is answered by Boot's welcome page, which leaves the static files' cache setting out; this adds it. */
    FansPageHeaders(WebProperties web) {
        CacheControl configured = web.getResources().getCache().getCachecontrol().toHttpCacheControl();
        this.cacheControl = configured == null ? null : configured.getHeaderValue();
    }

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isPage(exchange.getRequest().getPath().value())) {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Content-Security-Policy", POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            if (cacheControl != null && exchange.getRequest().getPath().value().equals("/")) {
                headers.setCacheControl(cacheControl);
            }
        }
        return chain.filter(exchange);
    }

    static boolean isPage(String path) {
        return path.equals("/") || path.equals("/index.html") || path.startsWith("/app/");
    }
}
