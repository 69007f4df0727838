package dev.ticketing.messaging.deadletter;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * {@code POST /internal/v1/dead-letters/replay}: replays the dead letters of every consumer group of this service
 * ({@link DeadLetterReplay}) and answers 200 with one {@link ReplayReport} per group, or 503 problem+json when
 * Kafka fails part-way (what was re-driven stays committed: call it again). Internal like the other
 * {@code /internal/**} routes: the gateway does not route it. A functional route on whichever stack the service
 * runs, servlet ({@link ServletReplayRoute}) or reactive ({@link ReactiveReplayRoute}).
 */
@AutoConfiguration(afterName = "dev.ticketing.messaging.consumer.EventConsumerAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.http.ProblemDetail")
@ConditionalOnBean(DeadLetterReplay.class)
@Import({ServletReplayRoute.class, ReactiveReplayRoute.class})
public class DeadLetterReplayWebAutoConfiguration {

    public static final String PATH = "/internal/v1/dead-letters/replay";

    /** The replay behind both routes: every group of this application, one after the other. */
    static List<ReplayReport> replayAll(DeadLetterReplay replay, ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        return ListenerGroups.groups(listeners).stream().map(replay::replay).toList();
    }

    static ProblemDetail failed(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "dead-letter replay stopped part-way, call it again: " + e.getMessage());
        problem.setTitle("Dead-letter replay failed");
        problem.setProperty("code", "REPLAY_FAILED");
        return problem;
    }
}
