package dev.ticketing.queue.signing.application;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.ECKey;
import dev.ticketing.queue.signing.domain.KeyRing;
import reactor.core.publisher.Mono;

/** The key ring port with the Redis scripts' semantics, in memory, for unit tests of what is built on it. */
public final class InMemorySigningKeyStore implements SigningKeyStore {

    private final Map<String, ECKey> keys = new ConcurrentHashMap<>();
    private volatile String current;
    /** Rotations to lose to an imaginary other instance before one succeeds. */
    private final AtomicInteger rotationsToLose = new AtomicInteger();

    public void loseNextRotations(int count) {
        rotationsToLose.set(count);
    }

    @Override
    public Mono<Optional<KeyRing>> load() {
        return Mono.fromSupplier(() -> current == null ? Optional.empty() : Optional.of(new KeyRing(current, keys)));
    }

    @Override
    public synchronized Mono<String> createIfAbsent(ECKey key) {
        if (current == null) {
            keys.put(key.getKeyID(), key);
            current = key.getKeyID();
        }
        return Mono.just(current);
    }

    @Override
    public synchronized Mono<Boolean> rotate(ECKey retired, ECKey next) {
        if (rotationsToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            ECKey other = KeyRing.newKey(java.time.Instant.now());
            keys.put(current, retired);
            keys.put(other.getKeyID(), other);
            current = other.getKeyID();
            return Mono.just(false);
        }
        if (!retired.getKeyID().equals(current)) {
            return Mono.just(false);
        }
        keys.put(retired.getKeyID(), retired);
        keys.put(next.getKeyID(), next);
        current = next.getKeyID();
        return Mono.just(true);
    }

    @Override
    public Mono<Void> remove(Collection<String> kids) {
        return Mono.fromRunnable(() -> kids.forEach(keys::remove));
    }

    public Map<String, ECKey> keys() {
        return Map.copyOf(keys);
    }
}
