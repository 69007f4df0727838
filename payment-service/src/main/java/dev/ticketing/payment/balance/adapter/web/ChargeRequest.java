package dev.ticketing.payment.balance.adapter.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import dev.ticketing.payment.balance.domain.Balance;

/**
 * Body of {@code POST /api/v1/balance/charges}. {@code amount} must be a JSON integer: 1.5 and "10" are refused
 * by the JSON settings (no float-as-int, no scalar coercion), the range here and again in {@link Balance}.
 */
record ChargeRequest(@NotNull @Min(Balance.MIN_CHARGE) @Max(Balance.MAX_CHARGE) Long amount) {
}
