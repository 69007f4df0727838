package dev.ticketing.payment.payments.application;

import java.time.Duration;

/**
 * A payment or charge had too little of its time budget left to start its next step (it waited for a slot or a
 * connection, or its claim was slow): it stops before that step, nothing charged, and is shed (503 SERVICE_BUSY with {@code Retry-After}).
 * A claim it made stays harmless: the hold is settled at its expiry, or paid by the fan's retry.
 */
public class PaymentOutOfTime extends RuntimeException {

    private final String step;

    PaymentOutOfTime(String step, Duration left) {
        super("too little time left for the " + step + ": " + Math.max(0, left.toMillis()) + " ms");
        this.step = step;
    }

    /** The step not started: {@code claim} or {@code transaction}. */
    public String step() {
        return step;
    }
}
