package dev.ticketing.reservation.hold.adapter.web;

import java.util.UUID;

/** The user behind a request, from the gateway's X-User-Id. */
record Caller(UUID userId) {
}
