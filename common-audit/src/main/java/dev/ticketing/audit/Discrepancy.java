package dev.ticketing.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One broken cross-service rule: what kind, which records (by the ids an operator greps logs for), what the
 * rule expected and what the data shows. {@link #line()} is what {@code ./stack audit} prints.
 */
public record Discrepancy(Kind kind, Map<String, String> ids, String expected, String found) {

    public static final String RESERVATION = "reservation";
    public static final String USER = "user";
    public static final String PAYMENT = "payment";
    public static final String SEAT = "seat";
    public static final String TOKEN = "token";
    public static final String CONCERT = "concert";
    public static final String SERVICE = "service";
    public static final String EVENT = "event";

    public enum Kind {
        /** Two HELD-or-CONFIRMED reservations of one seat (invariant 1). */
        SEAT_DOUBLE_OWNED,
        /** concert-service's seat status disagrees with the reservations of the seat. */
        SEAT_READ_MODEL_MISMATCH,
        /** A HELD reservation past its expiresAt that the sweep has not released. */
        HOLD_NOT_RELEASED,
        /** A COMPLETED payment whose reservation is missing or not CONFIRMED (and no refund). */
        PAYMENT_WITHOUT_SEAT,
        /** A COMPLETED payment whose CONFIRMED reservation has another user, price or payment id. */
        PAYMENT_RESERVATION_MISMATCH,
        /** A CONFIRMED reservation with no completed payment, or more than one. */
        SEAT_WITHOUT_PAYMENT,
        /** A REFUNDED payment whose reservation is still CONFIRMED. */
        REFUNDED_SEAT_CONFIRMED,
        /** balance ≠ charges − completed payments + refunds (invariant 2). */
        BALANCE_MISMATCH,
        NEGATIVE_BALANCE,
        /** Events not on Kafka long after they were written: a stuck relay. */
        OUTBOX_STUCK,
        /** One event recorded twice by the same consumer's inbox. */
        INBOX_DUPLICATE,
        /** More ACTIVE tokens in a concert than the configured maximum (invariant 3). */
        QUEUE_OVER_CAPACITY,
        /** An ACTIVE token whose reservation was CONFIRMED or EXPIRED long ago. */
        TOKEN_OUTLIVED_RESERVATION,
        /** An ACTIVE token past the end of its ACTIVE time, or in the ACTIVE line while its record says otherwise. */
        TOKEN_NOT_ENDED
    }

    public Discrepancy {
        ids = Collections.unmodifiableMap(new LinkedHashMap<>(ids));
    }

    /** Ids as name/value pairs, in the order given; null values are left out. */
    public static Map<String, String> ids(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("ids come in name/value pairs");
        }
        Map<String, String> ids = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                ids.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return ids;
    }

    public Optional<String> id(String name) {
        return Optional.ofNullable(ids.get(name));
    }

    public String line() {
        String named = ids.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        return kind + " " + named + ": expected " + expected + ", found " + found;
    }

    @Override
    public String toString() {
        return line();
    }
}
