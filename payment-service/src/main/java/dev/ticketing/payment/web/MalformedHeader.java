package dev.ticketing.payment.web;

/** A header the service reads is present but not well-formed: 400 INVALID_REQUEST. */
public class MalformedHeader extends RuntimeException {

    public MalformedHeader(String header, String expected) {
        super("The " + header + " header must be " + expected + ".");
    }
}
