package dev.ticketing.messaging.deadletter;

import static dev.ticketing.messaging.deadletter.DeadLetterReplayWebAutoConfiguration.PATH;
import static dev.ticketing.messaging.deadletter.DeadLetterReplayWebAutoConfiguration.failed;
import static dev.ticketing.messaging.deadletter.DeadLetterReplayWebAutoConfiguration.replayAll;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The replay route of a reactive (WebFlux) service; the replay blocks on Kafka, so it runs off the event loop. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(name = "org.springframework.web.reactive.function.server.RouterFunction")
class ReactiveReplayRoute {

    @Bean
    RouterFunction<ServerResponse> deadLetterReplayRoute(DeadLetterReplay replay,
                                                         ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        return route(replay, listeners);
    }

    static RouterFunction<ServerResponse> route(DeadLetterReplay replay,
                                                ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        return RouterFunctions.route().POST(PATH, request -> Mono.fromCallable(() -> replayAll(replay, listeners))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(reports -> ServerResponse.ok().bodyValue(reports))
                .onErrorResume(RuntimeException.class, e -> ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(failed(e))))
                .build();
    }
}
