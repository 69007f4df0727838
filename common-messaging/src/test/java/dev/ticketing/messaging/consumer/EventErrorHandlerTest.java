package dev.ticketing.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;

import dev.ticketing.events.UnknownEventType;
import dev.ticketing.events.UnreadableEvent;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.FixedBackOff;

class EventErrorHandlerTest {

    private final EventErrorHandler handler = new EventErrorHandler((record, failure) -> { }, new FixedBackOff());

    @Test
    void unreadableAndRejectedEventsArePoisonAlsoWhenTheContainerWrapsThem() {
        assertThat(handler.isPoison(wrapped(new UnreadableEvent("unsupported schemaVersion 2")))).isTrue();
        assertThat(handler.isPoison(wrapped(new UnknownEventType("SeatTeleported")))).isTrue();
        assertThat(handler.isPoison(wrapped(new EventRejected("no such reservation")))).isTrue();
    }

    @Test
    void everythingElseIsTransient() {
        assertThat(handler.isPoison(wrapped(new CannotAcquireLockException("lock wait timeout")))).isFalse();
        assertThat(handler.isPoison(wrapped(new IllegalStateException(
                new SQLTransientConnectionException("connection is not available"))))).isFalse();
        assertThat(handler.isPoison(wrapped(new RuntimeException("a bug, or a dependency down")))).isFalse();
    }

    @Test
    void aServiceCanAddItsOwnPoison() {
        handler.addNotRetryableExceptions(UnsupportedOperationException.class);

        assertThat(handler.isPoison(wrapped(new UnsupportedOperationException()))).isTrue();
    }

    private static Exception wrapped(Exception failure) {
        return new ListenerExecutionFailedException("listener failed", failure);
    }
}
