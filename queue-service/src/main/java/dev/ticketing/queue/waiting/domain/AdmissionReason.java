package dev.ticketing.queue.waiting.domain;

import java.util.Locale;

/** Why the admission limit is what it is (the {@code reason} tag of the admission metrics). */
public enum AdmissionReason {
    /** The booking path was healthy: the limit grew. */
    HEALTHY,
    /** The booking path's latency was above the target: the limit was cut. */
    LATENCY,
    /** The booking path shed or failed more than the threshold: the limit was cut. */
    SHED,
    /** No gateway reported for a while (or ever): the limit is the ceiling, as without a controller. */
    NO_SIGNAL,
    /** Healthy and at the ceiling ({@code QUEUE_MAX_ACTIVE}). */
    CEILING,
    /** The gateways reported a booking path that carried nothing: the limit went to (or towards) the restart limit. */
    IDLE;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
