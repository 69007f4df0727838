package dev.ticketing.analytics.streams;

import java.util.List;

/** The topics read (their names are part of the published catalog), and this service's dead-letter topics. */
public final class Topics {

    public static final String QUEUE = "queue.events";
    public static final String RESERVATION = "reservation.events";
    public static final String PAYMENT = "payment.events";
    public static final List<String> READ = List.of(QUEUE, RESERVATION, PAYMENT);

    private Topics() {
    }

    /** {@code <topic>.<group>.DLT}, as every consumer group of these topics names its own (EVENTS.md). */
    public static String deadLetters(String topic, String applicationId) {
        return topic + "." + applicationId + ".DLT";
    }
}
