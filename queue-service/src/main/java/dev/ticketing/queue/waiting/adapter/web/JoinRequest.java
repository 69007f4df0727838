package dev.ticketing.queue.waiting.adapter.web;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** {@code POST /api/v1/queue/tokens} body: who joins the line of which concert. */
record JoinRequest(@NotNull UUID userId, @NotNull UUID concertId) {
}
