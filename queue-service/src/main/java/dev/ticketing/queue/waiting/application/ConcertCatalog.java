package dev.ticketing.queue.waiting.application;

import java.util.UUID;

import reactor.core.publisher.Mono;

/** Which concerts exist: lines are opened only for those. Failures surface as {@link DependencyUnavailable}. */
public interface ConcertCatalog {

    Mono<Boolean> exists(UUID concertId);
}
