package dev.ticketing.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay, the inbox, the Kafka consumer defaults and dead letters ({@code ticketing.messaging.*}).
 * The defaults suit every service; tests shorten the back-offs.
 */
@ConfigurationProperties("ticketing.messaging")
public record MessagingProperties(@DefaultValue Relay relay, @DefaultValue Inbox inbox,
                                  @DefaultValue Consumer consumer, @DefaultValue DeadLetters deadLetters) {

    /**
     * The relay's, whichever store it reads (the JDBC outbox table, queue-service's Redis stream).
     *
     * @param enabled         false leaves events in their store (e.g. a service instance that must not publish)
     * @param batchSize       events published per round trip to Kafka and the store
     * @param pollInterval    the longest one read waits for news, so how often the relay looks for events it was
     *                        not woken for (other instances' writes, restarts); a commit on this instance (JDBC)
     *                        or any new entry (Redis) ends the wait at once
     * @param leaseDuration   how long the active relay's lease lasts without renewal: another instance
     *                        takes over this long after the active one died
     * @param sendTimeout     how long one batch may wait for Kafka before it counts as failed; bounded well
     *                        under the lease so the active relay renews it in time
     * @param retryBackoff    first pause after a failed round (Kafka or the store unreachable)
     * @param maxRetryBackoff longest pause between failed rounds
     * @param sentRetention   JDBC: how long sent rows are kept (for inspection) before the cleanup deletes them
     * @param cleanupInterval JDBC: how often the active relay deletes rows past their retention
     * @param instanceId      this instance's name in the lease; generated when empty
     */
    public record Relay(@DefaultValue("true") boolean enabled,
                        @DefaultValue("200") int batchSize,
                        @DefaultValue("500ms") Duration pollInterval,
                        @DefaultValue("10s") Duration leaseDuration,
                        @DefaultValue("3s") Duration sendTimeout,
                        @DefaultValue("100ms") Duration retryBackoff,
                        @DefaultValue("5s") Duration maxRetryBackoff,
                        @DefaultValue("1h") Duration sentRetention,
                        @DefaultValue("1m") Duration cleanupInterval,
                        @DefaultValue("") String instanceId) {

        public Relay {
            requireBetween(batchSize, 1, 1000, "relay.batch-size");
            requirePositive(pollInterval, "relay.poll-interval");
            requirePositive(sendTimeout, "relay.send-timeout");
            requirePositive(retryBackoff, "relay.retry-backoff");
            requirePositive(sentRetention, "relay.sent-retention");
            requirePositive(cleanupInterval, "relay.cleanup-interval");
            if (maxRetryBackoff.compareTo(retryBackoff) < 0) {
                throw new IllegalArgumentException("ticketing.messaging.relay.max-retry-backoff must not be "
                        + "shorter than retry-backoff");
            }
            // A batch takes at most about 1.5 x send-timeout (metadata wait plus delivery); the lease must
            // outlast it, and the idle poll, or the active relay would lose its lease while working.
            if (leaseDuration.compareTo(sendTimeout.multipliedBy(3)) < 0
                    || leaseDuration.compareTo(pollInterval.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException("ticketing.messaging.relay.lease-duration must be at least "
                        + "3 x send-timeout and 2 x poll-interval, was " + leaseDuration);
            }
        }
    }

    /**
     * @param retention how long processed event ids are remembered. Keep it longer than any redelivery can
     *                  come: a consumer group that re-reads a topic from the start must still find them.
     */
    public record Inbox(@DefaultValue("30d") Duration retention) {

        public Inbox {
            requirePositive(retention, "inbox.retention");
        }
    }

    /**
     * Retries of a record that failed for a transient reason (anything but poison): without limit, in order,
     * {@code initialBackoff} apart at first, growing by {@code backoffMultiplier} up to {@code maxBackoff}. The
     * consumer thread waits out each pause, so {@code maxBackoff} stays well under Kafka's
     * {@code max.poll.interval.ms} (5 min by default): at most 1 min.
     * <p>
     * {@code sessionTimeout} is how long the group waits for a member that stopped heartbeating (killed, host
     * lost) before its partitions go to the others, or to its own restarted process. Kafka's 45 s default would
     * leave those partitions' events (payments to settle, holds to release) unread that long; heartbeats go every
     * third of it from the consumer's own thread, so a long retry pause does not count. 6 s (the broker's
     * {@code group.min.session.timeout.ms}) to 5 min.
     */
    public record Consumer(@DefaultValue("500ms") Duration initialBackoff,
                           @DefaultValue("2.0") double backoffMultiplier,
                           @DefaultValue("10s") Duration maxBackoff,
                           @DefaultValue("10s") Duration sessionTimeout) {

        public Consumer {
            requirePositive(initialBackoff, "consumer.initial-backoff");
            requirePositive(maxBackoff, "consumer.max-backoff");
            if (sessionTimeout.compareTo(Duration.ofSeconds(6)) < 0
                    || sessionTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("ticketing.messaging.consumer.session-timeout must be between "
                        + "6s and 5m, was " + sessionTimeout);
            }
            if (backoffMultiplier < 1.0) {
                throw new IllegalArgumentException("ticketing.messaging.consumer.backoff-multiplier must be >= 1");
            }
            if (maxBackoff.compareTo(Duration.ofMinutes(1)) > 0 || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("ticketing.messaging.consumer.max-backoff must be between "
                        + "initial-backoff and 1m, was " + maxBackoff);
            }
        }

        /** Kafka's recommendation: a third of the session timeout, so two heartbeats may be lost. */
        public Duration heartbeatInterval() {
            return sessionTimeout.dividedBy(3);
        }
    }

    /**
     * @param partitions    partitions of each {@code <topic>.<group>.DLT} this creates (a key's records stay in
     *                      order with any count; dead letters are few)
     * @param depthInterval how often the {@code ticketing.consumer.dead_letters} gauge is refreshed from Kafka
     * @param replayTimeout how long a replay may take per dead-letter topic
     */
    public record DeadLetters(@DefaultValue("1") int partitions,
                              @DefaultValue("30s") Duration depthInterval,
                              @DefaultValue("5m") Duration replayTimeout) {

        public DeadLetters {
            requireBetween(partitions, 1, 1000, "dead-letters.partitions");
            requirePositive(depthInterval, "dead-letters.depth-interval");
            requirePositive(replayTimeout, "dead-letters.replay-timeout");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("ticketing.messaging." + name + " must be positive, was " + value);
        }
    }

    private static void requireBetween(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("ticketing.messaging." + name + " must be " + min + ".." + max
                    + ", was " + value);
        }
    }
}
