package dev.ticketing.web.load;

import java.nio.charset.StandardCharsets;

/** Which requests the limit covers, and what a shed one is told. */
public final class ShedRequests {

    static final String CONTENT_TYPE = "application/problem+json";
    /**
     * Marks a deliberate shed, so that the gateway does not count it as the service failing (its circuit breaker
     * would otherwise cut off a healthy service in the middle of a burst).
     */
    public static final String SHED_HEADER = "Ticketing-Shed";
    /** Counts every request a service answered 503 SERVICE_BUSY at once, whatever made it shed. */
    public static final String SHED_METER = "ticketing.http.shed";

    private ShedRequests() {
    }

    /** Business calls only: health, metrics and API docs must answer under any load. */
    static boolean limited(String path) {
        return path.startsWith("/api/") || path.startsWith("/internal/");
    }

    /** The RFC 9457 body of a shed request; written by hand because it is sent before any codec is involved. */
    static byte[] body(long retryAfterSeconds) {
        return ("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                + "\"detail\":\"The service is busy and did nothing with this request. Please retry after "
                + retryAfterSeconds + " s.\",\"code\":\"SERVICE_BUSY\"}").getBytes(StandardCharsets.UTF_8);
    }
}
