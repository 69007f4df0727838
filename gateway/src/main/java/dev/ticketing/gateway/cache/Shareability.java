package dev.ticketing.gateway.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Whether a shared cache may keep an answer, and for how long, by RFC 9111's rules for a request that carries
 * {@code Authorization} (section 3.5): only a 200 whose {@code Cache-Control} says {@code s-maxage} or
 * {@code public} with a {@code max-age}, and never one marked {@code private}, {@code no-store} or {@code no-cache},
 * one that sets a cookie, or one that varies by request headers. The service decides what is shareable; the
 * gateway only shortens it to its own limit.
 */
final class Shareability {

    private Shareability() {
    }

    /** How long the answer may be shared, within {@code limit}; empty when it must not be. */
    static Optional<Duration> of(HttpStatusCode status, HttpHeaders headers, Duration limit) {
        if (status == null || status.value() != HttpStatus.OK.value() || headers.containsHeader(HttpHeaders.SET_COOKIE)
                || headers.containsHeader(HttpHeaders.VARY)) {
            return Optional.empty();
        }
        Long sharedMaxAge = null;
        Long maxAge = null;
        boolean isPublic = false;
        for (String directive : directives(headers)) {
            switch (name(directive)) {
                case "private", "no-store", "no-cache" -> {
                    return Optional.empty();
                }
                case "public" -> isPublic = true;
                case "s-maxage" -> sharedMaxAge = seconds(directive);
                case "max-age" -> maxAge = seconds(directive);
                default -> {
                    // other directives (must-revalidate, immutable, ...) do not change what is shared here
                }
            }
        }
        Long seconds = sharedMaxAge != null ? sharedMaxAge : isPublic ? maxAge : null;
        if (seconds == null || seconds <= 0) {
            return Optional.empty();
        }
        Duration allowed = Duration.ofSeconds(seconds);
        return Optional.of(allowed.compareTo(limit) < 0 ? allowed : limit);
    }

    /** A request that asks not to be answered from a cache ({@code no-cache}, {@code no-store}). */
    static boolean refusedBy(HttpHeaders requestHeaders) {
        for (String directive : directives(requestHeaders)) {
            String name = name(directive);
            if (name.equals("no-cache") || name.equals("no-store")) {
                return true;
            }
        }
        String pragma = requestHeaders.getFirst(HttpHeaders.PRAGMA);
        return pragma != null && pragma.toLowerCase(Locale.ROOT).contains("no-cache");
    }

    /** On every GET through the gateway: no header (the common case) costs one lookup. */
    private static List<String> directives(HttpHeaders headers) {
        List<String> values = headers.get(HttpHeaders.CACHE_CONTROL);
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        List<String> directives = new ArrayList<>();
        for (String value : values) {
            for (String directive : value.split(",")) {
                String trimmed = directive.trim();
                if (!trimmed.isEmpty()) {
                    directives.add(trimmed);
                }
            }
        }
        return directives;
    }

    private static String name(String directive) {
        int equals = directive.indexOf('=');
        return (equals < 0 ? directive : directive.substring(0, equals)).trim().toLowerCase(Locale.ROOT);
    }

    /** The delta-seconds of a directive; a malformed value counts as none (nothing is shared). */
    private static Long seconds(String directive) {
        int equals = directive.indexOf('=');
        if (equals < 0) {
            return null;
        }
        String value = directive.substring(equals + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException malformed) {
            return null;
        }
    }
}
