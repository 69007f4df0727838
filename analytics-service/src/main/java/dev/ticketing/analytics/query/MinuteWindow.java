package dev.ticketing.analytics.query;

import java.time.Instant;

/** One one-minute window of a concert's sales: seats sold and their price (KRW), from {@code minute} on. */
public record MinuteWindow(Instant minute, long seats, long revenue) {
}
