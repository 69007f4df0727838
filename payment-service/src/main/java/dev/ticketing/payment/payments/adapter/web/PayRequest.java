package dev.ticketing.payment.payments.adapter.web;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/v1/payments}. */
record PayRequest(@NotNull UUID reservationId) {
}
