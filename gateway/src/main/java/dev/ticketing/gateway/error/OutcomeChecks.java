package dev.ticketing.gateway.error;

/**
 * How a client finds out whether a POST whose answer was lost took effect (504 OUTCOME_UNKNOWN), by route. Each
 * names a read that shows the outcome, and the Idempotency-Key repeat where the route has one (DESIGN.md section 4).
 */
final class OutcomeChecks {

    private static final String SAME_KEY = "or repeat the request with the same Idempotency-Key, which applies it at "
            + "most once and answers as the first time";

    private OutcomeChecks() {
    }

    static String forPath(String path) {
        if (path.equals("/api/v1/payments")) {
            return "Check GET /api/v1/reservations/{reservationId} (CONFIRMED once paid) or GET /api/v1/payments, "
                    + SAME_KEY + ".";
        }
        if (path.equals("/api/v1/balance/charges")) {
            return "Check GET /api/v1/balance or GET /api/v1/balance/history, " + SAME_KEY + ".";
        }
        if (path.equals("/api/v1/reservations")) {
            return "Check GET /api/v1/reservations (newest first) for the hold before holding again.";
        }
        if (path.equals("/api/v1/queue/tokens")) {
            return "Joining again is safe: the same user and concert keep their place.";
        }
        return "Check the resource with a GET before repeating the request.";
    }
}
