package dev.ticketing.reservation.hold.adapter.web;

/** An identity header is present but not a UUID. */
public class MalformedIdentity extends RuntimeException {

    public MalformedIdentity(String header) {
        super("The " + header + " header is not a UUID");
    }
}
