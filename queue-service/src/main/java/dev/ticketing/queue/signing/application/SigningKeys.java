package dev.ticketing.queue.signing.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import dev.ticketing.queue.config.SigningProperties;
import dev.ticketing.queue.signing.domain.KeyRing;
import dev.ticketing.queue.waiting.domain.QueuePolicy;
import reactor.core.publisher.Mono;

/**
 * This instance's view of the shared key ring: kept in memory (signing must not cost a Redis round trip) and read
 * again periodically, so a rotation made through another instance is picked up. Until then this instance signs
 * with the key it knew, which the ring keeps verifying, so nothing breaks meanwhile.
 *
 * <p>Which key signs is decided by the ring and the clock ({@link KeyRing#signingKey}), so every instance with the
 * same view of the ring signs with the same key, and never with one published for less than the publish lead.
 */
@Service
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final SigningKeyStore store;
    private final Duration longestTokenLifetime;
    private final Duration publishLead;
    private final Clock clock;
    private final AtomicReference<KeyRing> ring = new AtomicReference<>();
    private final AtomicReference<String> signingKid = new AtomicReference<>();

    /** Spring's way in: the longest token lifetime from the queue policy, the publish lead from the settings. */
    @Autowired
    public SigningKeys(SigningKeyStore store, QueuePolicy policy, SigningProperties signing, Clock clock) {
        this(store, policy.longestTokenLifetime(), signing.publishLead(), clock);
    }

    /**
     * @param publishLead how long a key is in the JWK Set before it signs: longer than the gateways' refresh interval
     *                    of their key sets, so every gateway holds a key before any token it signed arrives
     */
    public SigningKeys(SigningKeyStore store, Duration longestTokenLifetime, Duration publishLead, Clock clock) {
        this.store = store;
        this.longestTokenLifetime = longestTokenLifetime;
        this.publishLead = publishLead;
        this.clock = clock;
    }

    /** The key to sign with now; the first call on an instance that has no ring yet reads (or creates) it. */
    public Mono<ECKey> signingKey() {
        KeyRing known = ring.get();
        return (known != null ? Mono.just(known) : refresh()).map(this::signingKeyOf);
    }

    /**
     * Reads the ring again, creates the first keys if there are none (only one instance's keys win), and drops keys
     * whose every token has expired.
     */
    public Mono<KeyRing> refresh() {
        return loadOrCreate()
                .flatMap(loaded -> {
                    ring.set(loaded);
                    logSigningKeyChange(loaded);
                    List<String> expired = loaded.expiredKids(clock.instant());
                    if (expired.isEmpty()) {
                        return Mono.just(loaded);
                    }
                    log.info("signing_keys_pruned kids={}", expired);
                    return store.remove(expired).thenReturn(loaded);
                });
    }

    /** The keys that verify live tokens, and the next key; read fresh, so a rotation on any instance shows at once. */
    public Mono<JWKSet> publicKeys() {
        return loadOrCreate().map(loaded -> loaded.publicSet(clock.instant()));
    }

    /**
     * Makes the next key, published since the previous rotation, current, and publishes a new next key. The replaced
     * key keeps verifying until the last token it signed has expired.
     */
    public Mono<Rotation> rotate() {
        return loadOrCreate()
                .flatMap(before -> {
                    Instant now = clock.instant();
                    return store.rotate(before.retiredCurrent(now, publishLead, longestTokenLifetime),
                                    before.nextKid(), KeyRing.newKey(now))
                            .flatMap(rotated -> rotated
                                    ? Mono.just(new Rotation(before.nextKid(), signsFrom(before.next(), now)))
                                    : Mono.error(new ConcurrentRotation()));
                })
                // Another instance rotated between our read and our write: read again and rotate from there.
                .retry(3)
                .flatMap(rotation -> refresh().thenReturn(rotation))
                .doOnNext(rotation -> log.info("signing_key_rotated kid={} signs_from={}", rotation.kid(),
                        rotation.signsFrom()));
    }

    private ECKey signingKeyOf(KeyRing loaded) {
        return loaded.signingKey(clock.instant(), publishLead);
    }

    private void logSigningKeyChange(KeyRing loaded) {
        String kid = signingKeyOf(loaded).getKeyID();
        if (!kid.equals(signingKid.getAndSet(kid))) {
            log.info("signing_key_in_use kid={} current={} next={} keys={}", kid, loaded.currentKid(),
                    loaded.nextKid(), loaded.keys().size());
        }
    }

    private Instant signsFrom(ECKey promoted, Instant now) {
        Instant published = KeyRing.publishedAt(promoted).plus(publishLead);
        return published.isAfter(now) ? published : now;
    }

    private Mono<KeyRing> loadOrCreate() {
        return store.load().flatMap(loaded -> loaded.map(Mono::just).orElseGet(this::createFirstKeys));
    }

    private Mono<KeyRing> createFirstKeys() {
        Instant now = clock.instant();
        return store.createIfAbsent(KeyRing.newKey(now), KeyRing.newKey(now))
                .then(store.load())
                .map(Optional::orElseThrow);
    }

    /**
     * A rotation's outcome.
     *
     * @param kid       the key now current
     * @param signsFrom when it starts signing: at once unless it was published less than the publish lead ago
     */
    public record Rotation(String kid, Instant signsFrom) {
    }

    private static final class ConcurrentRotation extends RuntimeException {
        ConcurrentRotation() {
            super("the current key changed during the rotation", null, false, false);
        }
    }
}
