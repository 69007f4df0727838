package dev.ticketing.reservation.hold.adapter.web;

/** An identity header the gateway always sets is absent: the request did not come through a token check. */
public class MissingIdentity extends RuntimeException {

    public MissingIdentity(String header) {
        super("the request carries no " + header + " header");
    }
}
