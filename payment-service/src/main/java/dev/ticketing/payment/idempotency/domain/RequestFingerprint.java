package dev.ticketing.payment.idempotency.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a request asked for, reduced to a SHA-256 (hex) of its meaningful content, e.g. {@code amount=5000}.
 * Built from the parsed request, not the raw bytes, so spacing or field order do not make two requests differ.
 */
public record RequestFingerprint(String sha256) {

    public RequestFingerprint {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 in hex: " + sha256);
        }
    }

    public static RequestFingerprint of(String canonicalRequest) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8));
            return new RequestFingerprint(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
