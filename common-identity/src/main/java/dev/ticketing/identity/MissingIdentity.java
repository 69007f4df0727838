package dev.ticketing.identity;

/** An identity header the gateway always sets is absent: the request did not come through a token check. */
public final class MissingIdentity extends RuntimeException {

    private final String header;

    public MissingIdentity(String header) {
        super("The request carries no " + header + ": a valid queue token is required.");
        this.header = header;
    }

    public String header() {
        return header;
    }
}
