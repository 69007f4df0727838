package dev.ticketing.queue.signing.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import dev.ticketing.queue.signing.domain.KeyRing;
import reactor.core.publisher.Mono;

/**
 * This instance's view of the shared key ring: the current key is kept in memory (signing must not cost a Redis
 * round trip) and read again periodically, so a rotation made through another instance is picked up. Until then
 * this instance signs with the previous key, which the ring keeps verifying, so nothing breaks meanwhile.
 */
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final SigningKeyStore store;
    private final Duration longestTokenLifetime;
    private final Clock clock;
    private final AtomicReference<ECKey> current = new AtomicReference<>();

    public SigningKeys(SigningKeyStore store, Duration longestTokenLifetime, Clock clock) {
        this.store = store;
        this.longestTokenLifetime = longestTokenLifetime;
        this.clock = clock;
    }

    /** The key to sign with; the first call on an instance that has none yet reads (or creates) the ring. */
    public Mono<ECKey> current() {
        ECKey key = current.get();
        return key != null ? Mono.just(key) : refresh().map(KeyRing::current);
    }

    /**
     * Reads the ring again, creates the very first key if there is none (only one instance's key wins), and drops
     * keys whose every token has expired.
     */
    public Mono<KeyRing> refresh() {
        return store.load()
                .flatMap(ring -> ring.map(Mono::just).orElseGet(this::createFirstKey))
                .flatMap(ring -> {
                    ECKey previous = current.getAndSet(ring.current());
                    if (previous == null || !previous.getKeyID().equals(ring.currentKid())) {
                        log.info("signing_key_current kid={} keys={}", ring.currentKid(), ring.keys().size());
                    }
                    List<String> expired = ring.expiredKids(clock.instant());
                    if (expired.isEmpty()) {
                        return Mono.just(ring);
                    }
                    log.info("signing_keys_pruned kids={}", expired);
                    return store.remove(expired).thenReturn(ring);
                });
    }

    /** The public keys that verify live tokens, read fresh so a rotation on any instance shows at once. */
    public Mono<JWKSet> publicKeys() {
        return store.load()
                .flatMap(ring -> ring.map(Mono::just).orElseGet(this::createFirstKey))
                .map(ring -> ring.publicSet(clock.instant()));
    }

    /** Makes a new key current; the replaced one keeps verifying until the last token it signed has expired. */
    public Mono<String> rotate() {
        return refresh()
                .flatMap(ring -> {
                    ECKey next = KeyRing.newKey(clock.instant());
                    return store.rotate(ring.retiredCurrent(clock.instant(), longestTokenLifetime), next)
                            .flatMap(rotated -> rotated
                                    ? Mono.just(next.getKeyID())
                                    : Mono.error(new ConcurrentRotationException()));
                })
                // Another instance rotated between our read and our write: read again and rotate from there.
                .retry(3)
                .flatMap(kid -> refresh().thenReturn(kid))
                .doOnNext(kid -> log.info("signing_key_rotated kid={}", kid));
    }

    private Mono<KeyRing> createFirstKey() {
        return store.createIfAbsent(KeyRing.newKey(clock.instant()))
                .then(store.load())
                .map(Optional::orElseThrow);
    }

    private static final class ConcurrentRotationException extends RuntimeException {
        ConcurrentRotationException() {
            super("the current key changed during the rotation", null, false, false);
        }
    }
}
