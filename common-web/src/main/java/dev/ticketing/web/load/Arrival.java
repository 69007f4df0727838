package dev.ticketing.web.load;

import jakarta.servlet.http.HttpServletRequest;

/**
 * When a request reached the service, before it waited for a slot under the in-flight limit: the start of any time
 * budget the service answers it within (a payment that waited in the backlog has that much less time left).
 */
public final class Arrival {

    static final String ATTRIBUTE = Arrival.class.getName();

    private Arrival() {
    }

    static void record(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) == null) {
            request.setAttribute(ATTRIBUTE, System.nanoTime());
        }
    }

    /** {@link System#nanoTime()} at arrival; now, when no in-flight limit saw the request (it is turned off). */
    public static long nanos(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Long arrived ? arrived : System.nanoTime();
    }
}
