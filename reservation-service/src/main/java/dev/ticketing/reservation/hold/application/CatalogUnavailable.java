package dev.ticketing.reservation.hold.application;

/** concert-service could not be asked (down, slow, circuit open) and the answer was not cached. */
public class CatalogUnavailable extends RuntimeException {

    public CatalogUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
