package dev.ticketing.messaging.outbox;

import java.time.Clock;

import javax.sql.DataSource;

import dev.ticketing.events.DomainEvent;
import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;
import dev.ticketing.messaging.trace.EventTracing;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes events to the outbox table in the caller's transaction, so an event exists exactly when the state
 * change it announces was committed. Call it from the {@code @Transactional} use case, after the state
 * change (so the aggregate's row lock is held: per key, outbox ids then follow commit order).
 *
 * <pre>{@code
 * @Transactional
 * public Payment complete(PaymentPlan plan) {
 *     Paid paid = Payment.complete(reservation, after.won(), now);   // the domain builds the event
 *     payments.addIfFirstFor(paid.payment());
 *     outbox.append(paid.event());
 *     return paid.payment();
 * }
 * }</pre>
 */
@Transactional(propagation = Propagation.MANDATORY)
public class Outbox {

    private final OutboxRows rows;
    private final DataSource dataSource;
    private final EventSerde serde;
    private final Clock clock;
    private final RelayWakeUp relayWakeUp;
    private final EventTracing tracing;

    Outbox(OutboxRows rows, DataSource dataSource, EventSerde serde, Clock clock, RelayWakeUp relayWakeUp,
           EventTracing tracing) {
        this.rows = rows;
        this.dataSource = dataSource;
        this.serde = serde;
        this.clock = clock;
        this.relayWakeUp = relayWakeUp;
        this.tracing = tracing;
    }

    /** Wraps the event in a new envelope (fresh eventId, occurredAt now) and appends it; returns the envelope. */
    public <E extends DomainEvent> EventEnvelope<E> append(E event) {
        EventEnvelope<E> envelope = EventEnvelope.of(event, clock);
        append(envelope);
        return envelope;
    }

    /**
     * Appends an envelope. It is serialized here, once: the row holds the exact bytes every (re)delivery
     * carries, so its eventId never changes after the write. The current trace context is stored beside it, for
     * the relay to publish the event in the same trace.
     *
     * @throws IllegalTransactionStateException outside a transaction on this service's DataSource
     */
    public void append(EventEnvelope<?> envelope) {
        requireTransaction();
        rows.insert(envelope.eventId(), envelope.topic(), envelope.key(), serde.toBytes(envelope), clock.instant(),
                tracing.currentTraceParent());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new WakeRelayOnCommit(relayWakeUp));
        }
    }

    /**
     * The proxy enforces MANDATORY; this check also holds without one (an Outbox built by hand, a call
     * from inside the class) and makes sure the transaction is on the DataSource the row is written to.
     */
    private void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.hasResource(dataSource)) {
            throw new IllegalTransactionStateException("Outbox.append needs the caller's transaction on the "
                    + "service DataSource (propagation 'mandatory'): an event must commit with its state change");
        }
    }

    private record WakeRelayOnCommit(RelayWakeUp relayWakeUp) implements TransactionSynchronization {

        @Override
        public void afterCommit() {
            relayWakeUp.wakeUp();
        }
    }
}
