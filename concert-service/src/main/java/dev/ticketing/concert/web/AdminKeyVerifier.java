package dev.ticketing.concert.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Decides whether a presented {@code X-Admin-Key} opens the admin API. */
public final class AdminKeyVerifier {

    public enum Verdict { ACCEPTED, MISSING, WRONG, API_DISABLED }

    private final byte[] expectedDigest;

    /** @param configuredKey the configured secret; empty disables the admin API for everybody */
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

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
