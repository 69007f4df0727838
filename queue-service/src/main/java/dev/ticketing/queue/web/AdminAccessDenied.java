package dev.ticketing.queue.web;

/** An admin request without the right {@code X-Admin-Key}; the advice turns it into 401 or 403. */
public class AdminAccessDenied extends RuntimeException {

    private final AdminKeyVerifier.Verdict verdict;

    AdminAccessDenied(AdminKeyVerifier.Verdict verdict) {
        super("admin access denied: " + verdict, null, false, false);
        this.verdict = verdict;
    }

    AdminKeyVerifier.Verdict verdict() {
        return verdict;
    }
}
