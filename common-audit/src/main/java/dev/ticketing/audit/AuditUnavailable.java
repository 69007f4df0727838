package dev.ticketing.audit;

/** A store the audit must read cannot be read: no verdict is possible. */
public final class AuditUnavailable extends RuntimeException {

    public AuditUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
