package dev.ticketing.queue.signing.adapter.scheduling;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.ticketing.queue.scheduling.ReactiveSchedule;
import dev.ticketing.queue.signing.application.SigningKeys;

/**
 * Loads the key ring at start (creating the first current and next key if the ring has none) and reads it again
 * every 30 s, so this instance starts signing with a key rotated through another one within that time, and expired
 * keys are pruned. If Redis is down at start, the first join or poll loads the ring instead, once Redis is back.
 */
@Component
class SigningKeyRefresh extends ReactiveSchedule {

    static final Duration INTERVAL = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRefresh.class);

    private final SigningKeys keys;

    SigningKeyRefresh(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    protected Flux<?> rounds() {
        return Flux.interval(Duration.ZERO, INTERVAL)
                .onBackpressureDrop()
                .concatMap(tick -> keys.refresh().onErrorResume(e -> {
                    log.warn("signing_keys_refresh_failed cause=\"{}\"", e.toString());
                    return Mono.empty();
                }), 1);
    }
}
