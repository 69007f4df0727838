package dev.ticketing.reservation.hold.application;

import java.util.UUID;

/** The queue token admits its holder to another concert than the one asked for. */
public class WrongConcert extends RuntimeException {

    public WrongConcert(UUID tokenConcertId, UUID requestedConcertId) {
        super("the token is for concert " + tokenConcertId + ", not " + requestedConcertId);
    }
}
