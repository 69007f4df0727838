package dev.ticketing.queue.signing.adapter.web;

import java.time.Instant;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.queue.signing.application.SigningKeys;
import dev.ticketing.web.admin.AdminKeyVerifier;
import reactor.core.publisher.Mono;

/** The public keys that verify queue tokens, and their rotation (docs/queue-tokens.md). */
@RestController
class SigningKeysController {

    static final String JWK_SET_JSON = "application/jwk-set+json";

    private final SigningKeys keys;
    private final AdminKeyVerifier admin;

    SigningKeysController(SigningKeys keys, AdminKeyVerifier admin) {
        this.keys = keys;
        this.admin = admin;
    }

    /**
     * The JWK Set, public parts only: the current key, the next one (published ahead of its first token) and earlier
     * ones whose tokens may still be valid.
     */
    @GetMapping(path = "/api/v1/queue/jwks.json", produces = {JWK_SET_JSON, MediaType.APPLICATION_JSON_VALUE})
    Mono<String> jwks() {
        return keys.publicKeys().map(set -> set.toString(true));
    }

    /**
     * Makes the next key current (it signs from {@code signsFrom}); tokens signed with the previous one stay
     * verifiable until they expire.
     */
    @PostMapping("/api/v1/admin/queue/keys/rotate")
    Mono<ResponseEntity<RotatedKey>> rotate(@RequestHeader(name = AdminKeyVerifier.HEADER, required = false) String key) {
        return Mono.fromRunnable(() -> admin.requireAdmin(key))
                .then(Mono.defer(keys::rotate))
                .map(rotation -> ResponseEntity.ok(new RotatedKey(rotation.kid(), rotation.signsFrom())));
    }

    record RotatedKey(String kid, Instant signsFrom) {
    }
}
