package dev.ticketing.web.paging;

/** A listing asked for with a limit or cursor it cannot serve: 400 INVALID_REQUEST, nothing read. */
public class InvalidPage extends RuntimeException {

    public InvalidPage(String message) {
        super(message);
    }

    /** A cursor this listing did not hand out, or one it cannot read (tampered, of another listing). */
    public static InvalidPage cursor() {
        return new InvalidPage("cursor is not one this listing handed out; start again without it.");
    }
}
