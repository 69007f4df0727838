package dev.ticketing.messaging.inbox;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

import dev.ticketing.events.EventEnvelope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes a consumer idempotent: records (consumer, eventId) in {@code processed_event} in the caller's
 * transaction, together with the event's effects. The first delivery inserts the row and gets {@code true};
 * a redelivery hits the primary key and gets {@code false}, so it applies nothing. If the effects roll back,
 * so does the row, and the retried delivery counts as first again. Two deliveries at once serialize on the
 * row's key lock: the second waits for the first to commit, then sees the duplicate.
 *
 * <pre>{@code
 * @Transactional
 * public void on(EventEnvelope<PaymentCompleted> event) {
 *     if (!inbox.firstDelivery("reservation-service", event)) {
 *         return;
 *     }
 *     ... confirm the reservation ...
 * }
 * }</pre>
 */
@Transactional(propagation = Propagation.MANDATORY)
public class InboxGuard {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public InboxGuard(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param consumer who applies the event, e.g. {@code "reservation-service"} (up to 100 ASCII characters);
     *                 each consumer of the same event keeps its own record
     * @return true the first time this consumer sees the event, false for every redelivery
     * @throws IllegalTransactionStateException outside a transaction on this service's DataSource
     */
    public boolean firstDelivery(String consumer, UUID eventId) {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(eventId, "eventId");
        requireTransaction();
        try {
            jdbc.update("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (?, ?, ?)",
                    consumer, eventId.toString(), LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            return true;
        } catch (DuplicateKeyException redelivery) {
            return false;
        }
    }

    public boolean firstDelivery(String consumer, EventEnvelope<?> envelope) {
        return firstDelivery(consumer, envelope.eventId());
    }

    private void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.hasResource(Objects.requireNonNull(jdbc.getDataSource()))) {
            throw new IllegalTransactionStateException("InboxGuard needs the caller's transaction on the service "
                    + "DataSource (propagation 'mandatory'): the processed mark must commit with the effects");
        }
    }
}
