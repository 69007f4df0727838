package dev.ticketing.concert.availability.application;

/**
 * A reservation event names a seat this catalog does not have, or places it at another concert or date than
 * the catalog does. Retrying cannot fix that: the record goes to the dead-letter topic at once.
 */
public class EventDoesNotFitCatalog extends RuntimeException {

    public EventDoesNotFitCatalog(String message) {
        super(message);
    }
}
