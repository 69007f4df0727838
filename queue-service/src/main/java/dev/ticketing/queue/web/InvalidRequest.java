package dev.ticketing.queue.web;

/** Something the client sent is malformed (a header, a parameter): 400 INVALID_REQUEST. */
public class InvalidRequest extends RuntimeException {

    public InvalidRequest(String message) {
        super(message, null, false, false);
    }
}
