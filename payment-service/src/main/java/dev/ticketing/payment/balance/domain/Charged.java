package dev.ticketing.payment.balance.domain;

import dev.ticketing.events.BalanceCharged;

/** An accepted charge and the event that announces it. */
public record Charged(Charge charge, BalanceCharged event) {
}
