package dev.ticketing.identity;

/** An identity header the gateway always sets is absent: the request did not come through a token check. */
public final class MissingIdentity extends BadIdentityHeader {

    public MissingIdentity(String header) {
        super(header, "The request carries no " + header + ": a valid queue token is required.");
    }
}
