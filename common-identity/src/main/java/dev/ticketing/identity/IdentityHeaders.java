package dev.ticketing.identity;

import java.util.List;
import java.util.UUID;

/**
 * The headers services take a caller's identity from. Only the gateway sets them, from a verified queue token, and
 * it drops whatever a client sent under these names; a service that finds one missing was called around the
 * gateway's check. An instance reads them from one request: {@code request::getHeader} on either web stack.
 */
@FunctionalInterface
public interface IdentityHeaders {

    String USER_ID = "X-User-Id";
    String CONCERT_ID = "X-Concert-Id";
    String TOKEN_ID = "X-Token-Id";
    List<String> ALL = List.of(USER_ID, CONCERT_ID, TOKEN_ID);
    /**
     * On a queue-service answer that carries a token it has just signed: that token (the compact JWS), so the
     * gateway that passes the answer on knows it as queue-service's own and need not check its signature when the
     * fan first uses it. Never leaves the gateway: it drops the header from every answer.
     */
    String ISSUED_TOKEN = "Ticketing-Issued-Token";

    /** The raw value of header {@code name}, or null when the request has none. */
    String value(String name);

    /** @throws MissingIdentity when the header is absent or blank; @throws MalformedIdentity when not a UUID */
    default UUID required(String name) {
        String value = value(name);
        if (value == null || value.isBlank()) {
            throw new MissingIdentity(name);
        }
        return parse(name, value);
    }

    /** The header's UUID, or null when it is absent or blank. @throws MalformedIdentity when not a UUID */
    default UUID optional(String name) {
        String value = value(name);
        return value == null || value.isBlank() ? null : parse(name, value);
    }

    /**
     * Only the canonical 8-4-4-4-12 form is an id: {@link UUID#fromString} also takes shortened groups such as
     * "1-2-3-4-5", which would give one id two spellings. The gateway always forwards the canonical form.
     */
    static UUID parse(String name, String value) {
        String trimmed = value.strip();
        try {
            UUID uuid = UUID.fromString(trimmed);
            if (uuid.toString().equalsIgnoreCase(trimmed)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // answered below, the same as a well-formed but shortened one
        }
        throw new MalformedIdentity(name);
    }
}
