package dev.ticketing.queue.waiting.domain;

/**
 * What the gateways saw on the booking path (holds, payments, balance charges) during their report windows:
 * requests, those shed or failed (503 with {@code Ticketing-Shed}, or any 5xx), and a latency figure (each
 * gateway's p90 of the time upstream). Windows of several gateways combine as sums and the worst latency.
 *
 * @param reports       gateway reports this covers
 * @param latencyMillis the worst of the reports' latency figures
 */
public record BookingPathWindow(long reports, long requests, long shed, long latencyMillis) {

    public static final BookingPathWindow NONE = new BookingPathWindow(0, 0, 0, 0);

    public BookingPathWindow {
        if (reports < 0 || requests < 0 || shed < 0 || latencyMillis < 0) {
            throw new IllegalArgumentException("booking-path figures are never negative");
        }
        if (shed > requests) {
            throw new IllegalArgumentException("more shed (" + shed + ") than requests (" + requests + ")");
        }
    }

    /** One gateway's report. */
    public static BookingPathWindow reported(long requests, long shed, long latencyMillis) {
        return new BookingPathWindow(1, requests, shed, latencyMillis);
    }

    public BookingPathWindow combine(BookingPathWindow other) {
        return new BookingPathWindow(reports + other.reports, requests + other.requests, shed + other.shed,
                Math.max(latencyMillis, other.latencyMillis));
    }

    /** Shed and failed requests as a share of all; 0 when there were none. */
    public double shedRate() {
        return requests == 0 ? 0 : (double) shed / requests;
    }
}
