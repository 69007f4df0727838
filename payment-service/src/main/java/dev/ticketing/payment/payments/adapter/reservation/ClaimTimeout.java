package dev.ticketing.payment.payments.adapter.reservation;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;

/**
 * The time the claim made on this thread may take, from {@link ReservationServiceClient} to the HTTP client's request
 * ({@link #context}). Spring's request factory asks for a request's context on the thread that sends it, and
 * RestClient has no other way to give one request its own timeouts. Without a claim in progress (no other call uses
 * this client) the backstop applies.
 */
final class ClaimTimeout {

    private static final ThreadLocal<Timeout> CURRENT = new ThreadLocal<>();

    private ClaimTimeout() {
    }

    /** Runs {@code call} (one HTTP exchange) with its waits for a pooled connection and for the answer bounded. */
    static <T> T within(Duration within, Callable<T> call) throws Exception {
        // At least a millisecond: to the client a timeout of zero is no timeout at all.
        CURRENT.set(Timeout.ofMilliseconds(Math.max(1, within.toMillis())));
        try {
            return call.call();
        } finally {
            CURRENT.remove();
        }
    }

    /**
     * A request's context: it waits for a pooled connection, and then for reservation-service's answer, no longer
     * than its claim may take, and never longer than {@code backstop}.
     */
    static HttpContext context(Timeout backstop) {
        Timeout current = CURRENT.get();
        Timeout timeout = current == null || current.compareTo(backstop) > 0 ? backstop : current;
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(RequestConfig.custom()
                .setConnectionRequestTimeout(timeout)
                .setResponseTimeout(timeout)
                .build());
        return context;
    }
}
