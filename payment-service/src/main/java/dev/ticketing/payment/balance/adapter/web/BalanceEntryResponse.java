package dev.ticketing.payment.balance.adapter.web;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.ticketing.payment.balance.domain.BalanceEntry;

/** One line of {@code GET /api/v1/balance/history}; a charge has no payment or reservation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record BalanceEntryResponse(UUID entryId, String kind, long amount, long balanceAfter, Instant at, UUID paymentId,
                            UUID reservationId) {

    static BalanceEntryResponse of(BalanceEntry entry) {
        return new BalanceEntryResponse(entry.id(), entry.kind().name(), entry.amount(), entry.balanceAfter(),
                entry.at(), entry.paymentId(), entry.reservationId());
    }
}
