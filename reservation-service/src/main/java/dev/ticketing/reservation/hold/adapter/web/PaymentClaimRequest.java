package dev.ticketing.reservation.hold.adapter.web;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** payment-service's claim: who pays, with a token of which concert. */
record PaymentClaimRequest(@NotNull UUID userId, @NotNull UUID concertId) {
}
