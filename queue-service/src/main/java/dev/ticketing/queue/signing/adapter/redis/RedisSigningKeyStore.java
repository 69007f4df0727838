package dev.ticketing.queue.signing.adapter.redis;

import java.text.ParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.jwk.ECKey;
import dev.ticketing.queue.signing.application.SigningKeyStore;
import dev.ticketing.queue.signing.domain.KeyRing;
import dev.ticketing.queue.waiting.adapter.redis.RedisFailures;
import dev.ticketing.queue.waiting.application.QueueUnavailable;
import reactor.core.publisher.Mono;

/**
 * The key ring in Redis, as docs/queue-tokens.md lays it out: {@code queue:keys}, {@code queue:keys:current} and
 * {@code queue:keys:next}.
 */
@Component
class RedisSigningKeyStore implements SigningKeyStore {

    static final String KEYS = "queue:keys";
    static final String CURRENT = "queue:keys:current";
    static final String NEXT = "queue:keys:next";

    private static final RedisScript<String> CREATE = RedisScript.of(
            new ClassPathResource("scripts/create-signing-key.lua"), String.class);
    private static final RedisScript<Long> ROTATE = RedisScript.of(
            new ClassPathResource("scripts/rotate-signing-key.lua"), Long.class);

    private final ReactiveStringRedisTemplate redis;

    RedisSigningKeyStore(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Optional<KeyRing>> load() {
        Mono<Map<String, String>> keys = redis.<String, String>opsForHash().entries(KEYS)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
        // The pointers first (together), then the keys: a rotation in between only adds keys, so both are among them.
        return redis.opsForValue().multiGet(List.of(CURRENT, NEXT))
                .flatMap(pointers -> pointers.get(0) == null || pointers.get(1) == null
                        ? Mono.just(Optional.<KeyRing>empty())
                        : keys.map(stored -> Optional.of(new KeyRing(pointers.get(0), pointers.get(1), parse(stored)))))
                .onErrorMap(RedisFailures::isUnavailable, QueueUnavailable::new);
    }

    @Override
    public Mono<Void> createIfAbsent(ECKey current, ECKey next) {
        return redis.execute(CREATE, List.of(KEYS, CURRENT, NEXT),
                        List.of(current.getKeyID(), current.toJSONString(), next.getKeyID(), next.toJSONString()))
                .then()
                .onErrorMap(RedisFailures::isUnavailable, QueueUnavailable::new);
    }

    @Override
    public Mono<Boolean> rotate(ECKey retired, String promotedKid, ECKey newNext) {
        return redis.execute(ROTATE, List.of(KEYS, CURRENT, NEXT), List.of(retired.getKeyID(), retired.toJSONString(),
                        promotedKid, newNext.getKeyID(), newNext.toJSONString()))
                .next()
                .map(rotated -> rotated == 1L)
                .onErrorMap(RedisFailures::isUnavailable, QueueUnavailable::new);
    }

    @Override
    public Mono<Void> remove(Collection<String> kids) {
        return redis.opsForHash().remove(KEYS, kids.toArray())
                .onErrorMap(RedisFailures::isUnavailable, QueueUnavailable::new)
                .then();
    }

    private static Map<String, ECKey> parse(Map<String, String> stored) {
        Map<String, ECKey> keys = new HashMap<>();
        stored.forEach((kid, json) -> {
            try {
                keys.put(kid, ECKey.parse(json));
            } catch (ParseException e) {
                throw new IllegalStateException("signing key " + kid + " in " + KEYS + " is not an EC JWK", e);
            }
        });
        return keys;
    }
}
