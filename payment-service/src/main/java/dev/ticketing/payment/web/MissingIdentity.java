package dev.ticketing.payment.web;

/** A user-scoped request arrived without an identity header: 401 TOKEN_INVALID (the gateway normally refuses first). */
public class MissingIdentity extends RuntimeException {

    public MissingIdentity(String header) {
        super("The request carries no " + header + ": a valid queue token is required.");
    }
}
