package dev.ticketing.queue.waiting.adapter.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /internal/v1/queue/activity} body: the requests a gateway saw made with ACTIVE tokens. */
record ActivityReport(@NotNull @Size(max = ActivityReport.MAX_REQUESTS) List<@Valid @NotNull Request> requests) {

    /** A gateway sends larger reports in several calls. */
    static final int MAX_REQUESTS = 10_000;

    record Request(@NotNull UUID tokenId, @NotNull Instant at) {
    }
}
