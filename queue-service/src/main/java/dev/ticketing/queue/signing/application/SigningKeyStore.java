package dev.ticketing.queue.signing.application;

import java.util.Collection;
import java.util.Optional;

import com.nimbusds.jose.jwk.ECKey;
import dev.ticketing.queue.signing.domain.KeyRing;
import reactor.core.publisher.Mono;

/** Where the signing keys live, shared by every instance (Redis: {@code queue:keys}, {@code queue:keys:current}). */
public interface SigningKeyStore {

    /** The ring, or empty when no key was ever made. */
    Mono<Optional<KeyRing>> load();

    /** Makes {@code key} current only if there is no current key yet; either way answers the current kid. */
    Mono<String> createIfAbsent(ECKey key);

    /** Replaces {@code retired} (still the current key?) by {@code next}; false when another rotation came first. */
    Mono<Boolean> rotate(ECKey retired, ECKey next);

    Mono<Void> remove(Collection<String> kids);
}
