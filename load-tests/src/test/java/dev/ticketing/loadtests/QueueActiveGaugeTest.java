package dev.ticketing.loadtests;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QueueActiveGaugeTest {

    @Test
    void asksTheEndpointForTheGaugeAlone() {
        assertEquals(URI.create("http://127.0.0.1:8081/actuator/prometheus?includedNames=ticketing_queue_active"),
                QueueActiveGauge.onlyTheGauge(URI.create("http://127.0.0.1:8081/actuator/prometheus")));
    }

    @Test
    void keepsAQueryTheUrlAlreadyHas() {
        assertEquals(URI.create("http://127.0.0.1:8081/metrics?format=text&includedNames=ticketing_queue_active"),
                QueueActiveGauge.onlyTheGauge(URI.create("http://127.0.0.1:8081/metrics?format=text")));
    }
}
