package dev.ticketing.queue.web;

/** Something the client sent is malformed (a header, a parameter): 400 INVALID_REQUEST. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message, null, false, false);
    }
}
