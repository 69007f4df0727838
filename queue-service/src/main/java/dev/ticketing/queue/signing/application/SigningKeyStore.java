package dev.ticketing.queue.signing.application;

import java.util.Collection;
import java.util.Optional;

import com.nimbusds.jose.jwk.ECKey;
import dev.ticketing.queue.signing.domain.KeyRing;
import reactor.core.publisher.Mono;

/**
 * Where the signing keys live, shared by every instance (Redis: {@code queue:keys}, {@code queue:keys:current},
 * {@code queue:keys:next}).
 */
public interface SigningKeyStore {

    /** The ring, or empty while it lacks a current or a next key (never made yet). */
    Mono<Optional<KeyRing>> load();

    /** Puts {@code current} and {@code next} in whichever of the two positions is empty; a taken one stays as it is. */
    Mono<Void> createIfAbsent(ECKey current, ECKey next);

    /**
     * Retires {@code retired} (still the current key?), makes {@code promotedKid} (still the next key?) current and
     * {@code newNext} the next key; false when another rotation came first.
     */
    Mono<Boolean> rotate(ECKey retired, String promotedKid, ECKey newNext);

    Mono<Void> remove(Collection<String> kids);
}
