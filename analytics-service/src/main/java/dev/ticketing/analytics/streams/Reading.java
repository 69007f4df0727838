package dev.ticketing.analytics.streams;

import dev.ticketing.analytics.events.EventReader;
import dev.ticketing.analytics.events.PoisonEvent;
import dev.ticketing.analytics.events.PublishedEvent;

/** A record's value as read: the event, or why it is poison (then the original bytes go to the dead letters). */
record Reading(String topic, byte[] value, PublishedEvent event, PoisonEvent poison) {

    static Reading of(EventReader reader, String topic, byte[] value) {
        try {
            return new Reading(topic, value, reader.read(topic, value), null);
        } catch (PoisonEvent poison) {
            return new Reading(topic, value, null, poison);
        }
    }

    boolean isPoison() {
        return poison != null;
    }
}
