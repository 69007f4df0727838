package dev.ticketing.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import dev.ticketing.messaging.testapp.MessagingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@MessagingIntegrationTest
class InboxGuardIT {

    @Autowired
    InboxGuard inbox;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void onlyTheFirstDeliveryOfAnEventToAConsumerCounts() {
        UUID eventId = UUID.randomUUID();

        assertThat(firstDelivery("reservation-service", eventId)).isTrue();
        assertThat(firstDelivery("reservation-service", eventId)).isFalse();
        assertThat(firstDelivery("concert-service", eventId)).as("another consumer keeps its own record").isTrue();
    }

    @Test
    void aDeliveryWhoseTransactionRolledBackIsNotRemembered() {
        UUID eventId = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            assertThat(inbox.firstDelivery("reservation-service", eventId)).isTrue();
            tx.setRollbackOnly();
        });

        assertThat(firstDelivery("reservation-service", eventId)).isTrue();
    }

    @Test
    void outsideATransactionItRefusesToRecordAnything() {
        UUID eventId = UUID.randomUUID();

        assertThatThrownBy(() -> inbox.firstDelivery("reservation-service", eventId))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(firstDelivery("reservation-service", eventId)).isTrue();
    }

    private boolean firstDelivery(String consumer, UUID eventId) {
        return Boolean.TRUE.equals(transactions.execute(tx -> inbox.firstDelivery(consumer, eventId)));
    }
}
