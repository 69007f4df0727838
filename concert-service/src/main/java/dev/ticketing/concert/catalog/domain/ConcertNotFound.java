package dev.ticketing.concert.catalog.domain;

/** No concert has this id. */
public class ConcertNotFound extends RuntimeException {

    public ConcertNotFound(ConcertId concert) {
        super("concert " + concert + " does not exist", null, false, false);
    }
}
