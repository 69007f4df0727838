package dev.ticketing.reservation.hold.application;

import java.util.UUID;

public class ConcertNotFound extends RuntimeException {

    public ConcertNotFound(UUID concertId) {
        super("concert " + concertId + " does not exist");
    }
}
