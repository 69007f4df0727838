package dev.ticketing.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketing.events.Topics;
import dev.ticketing.messaging.deadletter.DeadLetterTopics;
import org.junit.jupiter.api.Test;

class DeadLetterDestinationTest {

    @Test
    void aRecordGoesToTheDeadLetterTopicOfItsTopicAndConsumerGroup() {
        assertThat(DeadLetterDestination.topicFor(Topics.PAYMENT_EVENTS, "reservation-service"))
                .isEqualTo("payment.events.reservation-service.DLT");
    }

    @Test
    void withoutAConsumerGroupThereIsNoDestination() {
        assertThatThrownBy(() -> DeadLetterDestination.topicFor(Topics.PAYMENT_EVENTS, null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void replayFindsTheSourceTopicOfAGroupsDeadLetterTopicOnly() {
        assertThat(DeadLetterTopics.sourceOf("payment.events.reservation-service.DLT", "reservation-service"))
                .contains("payment.events");
        assertThat(DeadLetterTopics.sourceOf("payment.events.queue-service.DLT", "reservation-service")).isEmpty();
        assertThat(DeadLetterTopics.sourceOf("payment.events.DLT", "reservation-service")).isEmpty();
        assertThat(DeadLetterTopics.replayGroupOf("reservation-service")).isEqualTo("reservation-service.dlt-replay");
    }

    @Test
    void aGroupThatCannotBePartOfATopicNameIsRefused() {
        assertThatThrownBy(() -> DeadLetterTopics.of(Topics.PAYMENT_EVENTS, "reservation service"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
