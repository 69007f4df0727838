package dev.ticketing.identity;

/** An identity header that cannot be taken: each service answers the two kinds its own way. */
public abstract sealed class BadIdentityHeader extends RuntimeException permits MissingIdentity, MalformedIdentity {

    private final String header;

    BadIdentityHeader(String header, String message) {
        super(message);
        this.header = header;
    }

    /** The header's name, e.g. {@link IdentityHeaders#TOKEN_ID}. */
    public String header() {
        return header;
    }
}
