package dev.ticketing.reservation.hold.application;

/** The database kept choosing this hold as a deadlock victim; the client may simply try again. */
public class HoldContended extends RuntimeException {

    public HoldContended(Throwable cause) {
        super("the hold could not be decided because of lock contention", cause);
    }
}
