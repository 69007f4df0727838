package dev.ticketing.payment.balance.domain;

import java.util.UUID;

/** A payment asked for more than the balance holds; nothing was taken. */
public class InsufficientBalance extends RuntimeException {

    private final UUID userId;
    private final long balance;
    private final long price;

    public InsufficientBalance(UUID userId, long balance, long price) {
        super("the balance of " + balance + " won does not cover " + price + " won");
        this.userId = userId;
        this.balance = balance;
        this.price = price;
    }

    public UUID userId() {
        return userId;
    }

    public long balance() {
        return balance;
    }

    public long price() {
        return price;
    }
}
