package dev.ticketing.analytics.streams;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Sends an unreadable record on, value and key unchanged, with the {@code kafka_dlt-*} headers every dead letter of
 * this system carries (what was wrong, where the record came from), so it can be inspected and replayed.
 */
final class DeadLetter implements FixedKeyProcessor<String, Reading, byte[]> {

    private final StreamMeters meters;
    private final String group;
    private FixedKeyProcessorContext<String, byte[]> context;

    DeadLetter(StreamMeters meters, String group) {
        this.meters = meters;
        this.group = group;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Reading> record) {
        Reading reading = record.value();
        Headers headers = record.headers();
        header(headers, "kafka_dlt-exception-fqcn", reading.poison().getClass().getName());
        header(headers, "kafka_dlt-exception-message", reading.poison().getMessage());
        header(headers, "kafka_dlt-original-topic", reading.topic());
        context.recordMetadata().ifPresent(source -> {
            header(headers, "kafka_dlt-original-partition", Integer.toString(source.partition()));
            header(headers, "kafka_dlt-original-offset", Long.toString(source.offset()));
        });
        header(headers, "kafka_dlt-original-consumer-group", group);
        meters.deadLettered(reading.topic());
        context.forward(record.withValue(reading.value()));
    }

    private static void header(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }
}
