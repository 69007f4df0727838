package dev.ticketing.queue.waiting.application;

import java.util.UUID;

/** A join for a concert the catalog does not know. */
public class ConcertNotFound extends RuntimeException {

    public ConcertNotFound(UUID concertId) {
        super("No concert " + concertId + " exists.", null, false, false);
    }
}
