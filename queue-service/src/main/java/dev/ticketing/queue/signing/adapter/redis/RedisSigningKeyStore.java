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
import dev.ticketing.queue.waiting.application.QueueUnavailableException;
import reactor.core.publisher.Mono;

/** The key ring in Redis, as docs/queue-tokens.md lays it out: {@code queue:keys} and {@code queue:keys:current}. */
@Component
class RedisSigningKeyStore implements SigningKeyStore {

    static final String KEYS = "queue:keys";
    static final String CURRENT = "queue:keys:current";

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
        // The pointer first, then the keys: a rotation in between only adds keys, so the current one is among them.
        return redis.opsForValue().get(CURRENT)
                .flatMap(current -> keys.map(stored -> Optional.of(new KeyRing(current, parse(stored)))))
                .defaultIfEmpty(Optional.empty())
                .onErrorMap(RedisFailures::isUnavailable, QueueUnavailableException::new);
    }

    @Override
    public Mono<String> createIfAbsent(ECKey key) {
        return redis.execute(CREATE, List.of(KEYS, CURRENT), List.of(key.getKeyID(), key.toJSONString()))
                .next()
                .onErrorMap(RedisFailures::isUnavailable, QueueUnavailableException::new);
    }

    @Override
    public Mono<Boolean> rotate(ECKey retired, ECKey next) {
        return redis.execute(ROTATE, List.of(KEYS, CURRENT), List.of(retired.getKeyID(), retired.toJSONString(),
                        next.getKeyID(), next.toJSONString()))
                .next()
                .map(rotated -> rotated == 1L)
                .onErrorMap(RedisFailures::isUnavailable, QueueUnavailableException::new);
    }

    @Override
    public Mono<Void> remove(Collection<String> kids) {
        return redis.opsForHash().remove(KEYS, kids.toArray())
                .onErrorMap(RedisFailures::isUnavailable, QueueUnavailableException::new)
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
