package dev.ticketing.reservation.hold.domain;

import java.util.UUID;

/** The queue token already holds a seat: one hold per token. */
public class HoldLimitReached extends RuntimeException {

    public HoldLimitReached(UUID tokenId) {
        super("token " + tokenId + " already holds a seat");
    }
}
