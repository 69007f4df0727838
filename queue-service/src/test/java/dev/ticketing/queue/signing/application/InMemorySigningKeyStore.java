package dev.ticketing.queue.signing.application;

import java.time.Instant;
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
    private volatile String next;
    /** Rotations to lose to an imaginary other instance before one succeeds. */
    private final AtomicInteger rotationsToLose = new AtomicInteger();

    public void loseNextRotations(int count) {
        rotationsToLose.set(count);
    }

    @Override
    public Mono<Optional<KeyRing>> load() {
        return Mono.fromSupplier(() -> current == null || next == null
                ? Optional.empty() : Optional.of(new KeyRing(current, next, keys)));
    }

    @Override
    public synchronized Mono<Void> createIfAbsent(ECKey currentKey, ECKey nextKey) {
        if (current == null) {
            keys.put(currentKey.getKeyID(), currentKey);
            current = currentKey.getKeyID();
        }
        if (next == null) {
            keys.put(nextKey.getKeyID(), nextKey);
            next = nextKey.getKeyID();
        }
        return Mono.empty();
    }

    @Override
    public synchronized Mono<Boolean> rotate(ECKey retired, String promotedKid, ECKey newNext) {
        if (rotationsToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            ECKey others = KeyRing.newKey(Instant.now());
            keys.put(current, retired);
            keys.put(others.getKeyID(), others);
            current = next;
            next = others.getKeyID();
            return Mono.just(false);
        }
        if (!retired.getKeyID().equals(current) || !promotedKid.equals(next)) {
            return Mono.just(false);
        }
        keys.put(retired.getKeyID(), retired);
        keys.put(newNext.getKeyID(), newNext);
        current = promotedKid;
        next = newNext.getKeyID();
        return Mono.just(true);
    }

    @Override
    public Mono<Void> remove(Collection<String> kids) {
        return Mono.fromRunnable(() -> kids.forEach(keys::remove));
    }

    public Map<String, ECKey> keys() {
        return Map.copyOf(keys);
    }

    /** Forgets the next key, as a ring stored before there were next keys. */
    public synchronized void dropNextPointer() {
        keys.remove(next);
        next = null;
    }
}
