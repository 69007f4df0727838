package dev.ticketing.identity;

/** An identity header is present but not a UUID: a bad request, whoever sent it. */
public final class MalformedIdentity extends BadIdentityHeader {

    public MalformedIdentity(String header) {
        super(header, "The " + header + " header is not a UUID.");
    }
}
