package dev.ticketing.queue.audit;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.audit.AuditFacts.QueueFacts;
import dev.ticketing.audit.QueueFactsReader;
import dev.ticketing.audit.web.StoreFactsController;
import dev.ticketing.queue.config.QueueProperties;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * This service's part of the consistency audit, the WebFlux and Redis counterpart of {@link StoreFactsController}:
 * every concert's ACTIVE line with its tokens' records, the outbox stream and the {@code QUEUE_MAX_ACTIVE} it runs
 * with, for concert-service's {@code GET /api/v1/admin/audit} (service to service: not routed by the gateway). Read
 * over a connection of its own, off the event loop: an audit is rare and may scan many keys.
 */
@RestController
class AuditFactsController {

    private final LettuceConnectionFactory redis;
    private final QueueProperties properties;

    AuditFactsController(LettuceConnectionFactory redis, QueueProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    @GetMapping(StoreFactsController.PATH)
    Mono<QueueFacts> facts() {
        char[] password = redis.getPassword() == null ? null : redis.getPassword().toCharArray();
        return Mono.fromCallable(() -> QueueFactsReader.read(redis.getHostName(), redis.getPort(), password, properties.maxActive()))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
