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
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/** The replay route of a servlet (Spring MVC) service. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.function.RouterFunction")
class ServletReplayRoute {

    @Bean
    RouterFunction<ServerResponse> deadLetterReplayRoute(DeadLetterReplay replay,
                                                         ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        return RouterFunctions.route().POST(PATH, request -> {
            try {
                return ServerResponse.ok().body(replayAll(replay, listeners));
            } catch (RuntimeException e) {
                return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(failed(e));
            }
        }).build();
    }
}
