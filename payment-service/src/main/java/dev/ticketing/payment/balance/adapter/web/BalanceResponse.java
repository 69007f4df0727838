package dev.ticketing.payment.balance.adapter.web;

/** {@code {balance}}: the user's balance in won. */
record BalanceResponse(long balance) {
}
