package dev.ticketing.web.load;

import java.io.IOException;
import java.util.Optional;

import com.netflix.concurrency.limits.Limiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds a servlet service's in-flight requests with {@link InFlightLimit}; the excess is answered 503
 * SERVICE_BUSY with {@code Retry-After} before any of the service's code runs, so nothing was done. Latency
 * samples come only from requests that did not fail with a 5xx: a failing dependency is not a sign of overload.
 * Each request's {@link Arrival} is noted before it may wait, so a time budget counts the wait.
 */
public class ServletLoadShedding extends OncePerRequestFilter {

    private final InFlightLimit limit;
    private final long retryAfterSeconds;

    public ServletLoadShedding(InFlightLimit limit, LoadSheddingProperties properties) {
        this.limit = limit;
        this.retryAfterSeconds = properties.retryAfterSeconds();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ShedRequests.limited(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Arrival.record(request);
        Optional<Limiter.Listener> slot = limit.acquire(request.getRequestURI());
        if (slot.isEmpty()) {
            shed(response);
            return;
        }
        Limiter.Listener listener = slot.get();
        boolean sampled = false;
        try {
            chain.doFilter(request, response);
            if (response.getStatus() < 500) {
                listener.onSuccess();
                sampled = true;
            }
        } finally {
            if (!sampled) {
                listener.onIgnore();
            }
        }
    }

    private void shed(HttpServletResponse response) throws IOException {
        byte[] body = ShedRequests.body(retryAfterSeconds);
        response.setStatus(503);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        response.setHeader(ShedRequests.SHED_HEADER, "1");
        response.setContentType(ShedRequests.CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
