package dev.ticketing.messaging.relay;

/** Kafka did not take (all of) a batch; its events stay in their store and are published again. */
class OutboxPublishFailed extends RuntimeException {

    OutboxPublishFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
