package dev.ticketing.concert.catalog.domain;

/** A catalog object was asked to take a state the rules do not allow; nothing was created. */
public class CatalogRuleViolation extends RuntimeException {

    public CatalogRuleViolation(String message) {
        super(message);
    }
}
