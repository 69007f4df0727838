package dev.ticketing.gateway.token;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.ECKey;
import dev.ticketing.gateway.upstream.QueueServiceTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The queue service's public signing keys, one ready verifier per key id, fetched from its JWK Set: at start
 * (retried until it answers; until then the gateway is not ready), every {@link TokenSettings#jwksRefreshInterval()},
 * and at once when a token names a key id the set lacks (at most every {@link TokenSettings#jwksMinRefreshInterval()}),
 * so a key rotation needs no restart and no request ever waits for the queue service otherwise.
 */
@Component
public class QueueKeys implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueKeys.class);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private final WebClient http;
    private final TokenSettings settings;
    private final Clock clock;
    private final AtomicLong lastOnDemandFetchMillis = new AtomicLong(Long.MIN_VALUE / 2);
    private volatile Map<String, JWSVerifier> verifiers = Map.of();
    private Map<String, ECKey> publicKeys = Map.of();
    private volatile boolean loaded;
    private volatile Mono<Void> onDemandFetch = Mono.empty();
    private volatile Disposable schedule;

    /**
     * @param webClients Boot's builder, so the fetches are measured and traced like every service call
     * @param balancer   sends {@code http://queue-service/...} to one of its live instances (any has the keys)
     */
    @Autowired
    public QueueKeys(TokenSettings settings, Clock clock, WebClient.Builder webClients,
                     LoadBalancedExchangeFilterFunction balancer) {
        this(settings, clock, webClients.clone().filter(balancer));
    }

    /** @param webClients a builder for a JWK Set URL that names its host */
    public QueueKeys(TokenSettings settings, Clock clock, WebClient.Builder webClients) {
        this.http = webClients.clone().observationConvention(new QueueServiceTarget()).build();
        this.settings = settings;
        this.clock = clock;
    }

    /** The verifier for a key id, or {@code null} when the set does not hold it. */
    public JWSVerifier verifierFor(String kid) {
        return kid == null ? null : verifiers.get(kid);
    }

    /** Whether a key set has been loaded at least once. */
    public boolean loaded() {
        return loaded;
    }

    public int size() {
        return verifiers.size();
    }

    /**
     * Fetches the set again because a token named a key id it lacks. Callers that arrive while such a fetch is
     * under way share it; after it, until the minimum interval passed, they get the set as it is.
     */
    public Mono<Void> refreshForUnknownKey() {
        long now = clock.millis();
        long last = lastOnDemandFetchMillis.get();
        if (now - last < settings.jwksMinRefreshInterval().toMillis()
                || !lastOnDemandFetchMillis.compareAndSet(last, now)) {
            return onDemandFetch;
        }
        Mono<Void> fetch = fetch("unknown-kid").onErrorResume(e -> Mono.empty()).cache();
        onDemandFetch = fetch;
        return fetch;
    }

    @Override
    public void start() {
        Mono<Void> initial = fetch("start-up")
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5)));
        Flux<Void> periodic = Flux.interval(settings.jwksRefreshInterval())
                .onBackpressureDrop()
                .concatMap(tick -> fetch("scheduled").onErrorResume(e -> Mono.empty()));
        schedule = initial.thenMany(periodic).subscribe();
    }

    @Override
    public void stop() {
        Disposable running = schedule;
        if (running != null) {
            running.dispose();
        }
        schedule = null;
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }

    private Mono<Void> fetch(String trigger) {
        return http.get().uri(settings.jwksUrl())
                .retrieve()
                .bodyToMono(String.class)
                .timeout(FETCH_TIMEOUT)
                .map(SigningKeySet::parse)
                .doOnNext(fetched -> install(fetched, trigger))
                .doOnError(e -> log.warn("queue_keys_fetch_failed trigger={} url={} cause=\"{}\"", trigger,
                        settings.jwksUrl(), String.valueOf(e)))
                .then();
    }

    /** Swaps in the fetched set; a key that did not change keeps its verifier, so verified tokens stay cached. */
    synchronized void install(Map<String, ECKey> fetched, String trigger) {
        Map<String, JWSVerifier> next = new HashMap<>();
        fetched.forEach((kid, key) -> next.put(kid, key.equals(publicKeys.get(kid)) ? verifiers.get(kid)
                : SigningKeySet.verifierOf(key)));
        boolean changed = !fetched.keySet().equals(publicKeys.keySet());
        publicKeys = fetched;
        verifiers = Map.copyOf(next);
        loaded = true;
        if (changed) {
            log.info("queue_keys_loaded trigger={} kids={}", trigger, fetched.keySet());
        }
    }
}
