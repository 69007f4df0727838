package dev.ticketing.identity;

/** An identity header is present but not a UUID: a bad request, whoever sent it. */
public final class MalformedIdentity extends RuntimeException {

    private final String header;

    public MalformedIdentity(String header) {
        super("The " + header + " header is not a UUID.");
        this.header = header;
    }

    public String header() {
        return header;
    }
}
