package dev.ticketing.web.admin;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import dev.ticketing.web.Problems;

/**
 * An admin request without the right {@code X-Admin-Key}. The shared problem handling of both web stacks answers it
 * with {@link #problem()}: 401 when the key is missing, 403 when it is wrong or the admin API is disabled.
 */
public final class AdminAccessDenied extends RuntimeException {

    private final AdminKeyVerifier.Verdict verdict;

    AdminAccessDenied(AdminKeyVerifier.Verdict verdict) {
        super("admin access denied: " + verdict, null, false, false);
        this.verdict = verdict;
    }

    public AdminKeyVerifier.Verdict verdict() {
        return verdict;
    }

    public ProblemDetail problem() {
        return switch (verdict) {
            case MISSING -> Problems.problem(HttpStatus.UNAUTHORIZED, "ADMIN_KEY_MISSING",
                    "The admin API needs the X-Admin-Key header.");
            case WRONG -> Problems.problem(HttpStatus.FORBIDDEN, "ADMIN_KEY_INVALID", "The X-Admin-Key is not valid.");
            case API_DISABLED, ACCEPTED -> Problems.problem(HttpStatus.FORBIDDEN, "ADMIN_API_DISABLED",
                    "The admin API is disabled: no admin key is configured.");
        };
    }
}
