package dev.ticketing.messaging.testapp;

import java.util.UUID;

import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.PaymentEvent;
import dev.ticketing.messaging.inbox.InboxGuard;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A consumer's use case as services write it: the inbox check and the effect in one transaction. */
@Component
public class PaymentEffects {

    public static final String CONSUMER = "messaging-it";

    private final InboxGuard inbox;
    private final JdbcTemplate jdbc;

    PaymentEffects(InboxGuard inbox, JdbcTemplate jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @Transactional
    public void apply(EventEnvelope<? extends PaymentEvent> event) {
        if (inbox.firstDelivery(CONSUMER, event)) {
            jdbc.update("INSERT INTO test_payment_effect (event_id) VALUES (?)", event.eventId().toString());
        }
    }

    public int effectsOf(UUID eventId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM test_payment_effect WHERE event_id = ?",
                Integer.class, eventId.toString());
        return count == null ? 0 : count;
    }
}
