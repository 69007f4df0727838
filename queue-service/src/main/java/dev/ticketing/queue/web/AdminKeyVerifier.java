package dev.ticketing.queue.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.springframework.stereotype.Component;

import dev.ticketing.queue.config.AdminApiProperties;

/** Decides whether a presented {@code X-Admin-Key} opens the admin API; refusals are {@link AdminAccessDenied}. */
@Component
public class AdminKeyVerifier {

    public static final String HEADER = "X-Admin-Key";

    public enum Verdict { ACCEPTED, MISSING, WRONG, API_DISABLED }

    private final byte[] expectedDigest;

    public AdminKeyVerifier(AdminApiProperties properties) {
        this.expectedDigest = properties.adminApiEnabled() ? sha256(properties.adminKey()) : null;
    }

    /** Throws {@link AdminAccessDenied} unless the key is the configured one. */
    public void requireAdmin(String presentedKey) {
        Verdict verdict = verify(presentedKey);
        if (verdict != Verdict.ACCEPTED) {
            throw new AdminAccessDenied(verdict);
        }
    }

    public Verdict verify(String presentedKey) {
        if (expectedDigest == null) {
            return Verdict.API_DISABLED;
        }
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Verdict.MISSING;
        }
        // Comparing fixed-length digests in constant time leaks neither the key's content nor its length.
        return MessageDigest.isEqual(expectedDigest, sha256(presentedKey.strip())) ? Verdict.ACCEPTED : Verdict.WRONG;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
