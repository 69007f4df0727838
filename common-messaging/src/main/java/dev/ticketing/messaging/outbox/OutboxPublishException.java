package dev.ticketing.messaging.outbox;

/** Kafka did not take (all of) a batch; its rows stay in the outbox and are published again. */
class OutboxPublishException extends RuntimeException {

    OutboxPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
