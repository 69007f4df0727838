package dev.ticketing.queue.waiting.adapter.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /internal/v1/queue/activity} body: the requests a gateway saw made with ACTIVE tokens, and, from
 * gateways that measure it, the booking path's figures for the same report window ({@code booking}, optional).
 */
record ActivityReport(@NotNull @Size(max = ActivityReport.MAX_REQUESTS) List<@Valid @NotNull Request> requests,
                      @Valid BookingPath booking) {

    /** A gateway sends larger reports in several calls. */
    static final int MAX_REQUESTS = 10_000;

    record Request(@NotNull UUID tokenId, @NotNull Instant at) {
    }

    /**
     * The booking routes (holds, payments, balance charges) during the gateway's report window.
     *
     * @param requests      requests routed
     * @param shed          of those, answered 503 with {@code Ticketing-Shed} or any other 5xx
     * @param latencyMillis the p90 of the time upstream (0 without requests)
     */
    record BookingPath(@PositiveOrZero @Max(1_000_000_000) long requests,
                       @PositiveOrZero @Max(1_000_000_000) long shed,
                       @PositiveOrZero @Max(3_600_000) long latencyMillis) {

        @AssertTrue(message = "shed must not exceed requests")
        boolean isShedWithinRequests() {
            return shed <= requests;
        }
    }
}
