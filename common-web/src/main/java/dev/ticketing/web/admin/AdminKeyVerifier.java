package dev.ticketing.web.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Decides whether a presented {@code X-Admin-Key} opens the admin API. Knows nothing of the web stack: the servlet
 * interceptor and the WebFlux controllers both ask it, and a refusal is an {@link AdminAccessDenied}.
 */
public final class AdminKeyVerifier {

    public static final String HEADER = "X-Admin-Key";

    public enum Verdict { ACCEPTED, MISSING, WRONG, API_DISABLED }

    private final byte[] expectedDigest;

    /** @param configuredKey the configured secret; empty or blank disables the admin API for everybody */
    public AdminKeyVerifier(String configuredKey) {
        this.expectedDigest = configuredKey == null || configuredKey.isBlank() ? null : sha256(configuredKey.strip());
    }

    public boolean enabled() {
        return expectedDigest != null;
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

    /** @throws AdminAccessDenied unless {@code presentedKey} is the configured one */
    public void requireAdmin(String presentedKey) {
        Verdict verdict = verify(presentedKey);
        if (verdict != Verdict.ACCEPTED) {
            throw new AdminAccessDenied(verdict);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
