package dev.ticketing.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.ticketing.queue.support.ConcertServiceStub;
import dev.ticketing.queue.support.ControlledClock;
import dev.ticketing.queue.support.EventPublisher;
import dev.ticketing.queue.support.QueueClient;
import dev.ticketing.queue.support.QueueEventsProbe;
import dev.ticketing.queue.support.TokenAnswer;
import dev.ticketing.testsupport.RealInfrastructure;
import dev.ticketing.testsupport.TestInfrastructure;

import static org.awaitility.Awaitility.await;

/**
 * The one Spring context every *IT of this module shares (same annotations, properties and imports, so Spring
 * caches it): real Redis and Kafka, concert-service stubbed by a real HTTP server, time from a clock the tests
 * move, three ACTIVE places per concert, fast admission cycles and a poll budget of 1 per second. Each test uses fresh concerts and users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ticketing.queue.max-active=3",
        "ticketing.queue.admit-interval=PT0.05S",
        // A ramp of one admission per cycle per concert (a third of 3), so that the ramp is exercised.
        "ticketing.queue.admission-control.ramp-share=0.34",
        // One poll per second per concert: the tests' short lines already exercise the poll budget.
        "ticketing.queue.poll-budget=1",
        "ticketing.admin-key=" + QueueServiceIntegrationTest.ADMIN_KEY,
        // Generous: the first call of a fresh context (connection, class loading) can take seconds on a busy machine.
        "ticketing.concert-service.timeout=PT5S",
        "ticketing.messaging.consumer.initial-backoff=20ms",
        "ticketing.messaging.consumer.max-backoff=100ms",
        "logging.level.org.apache.kafka=WARN"})
@RealInfrastructure
@AutoConfigureWebTestClient(timeout = "PT30S")
@Import({ControlledClockConfiguration.class, ProbeController.class})
public abstract class QueueServiceIntegrationTest {

    protected static final String ADMIN_KEY = "test-admin-key";
    protected static final int MAX_ACTIVE = 3;
    /** Patience for what happens in the background (admission cycles, Kafka); never a measured duration. */
    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    protected static final ConcertServiceStub concertService = new ConcertServiceStub();

    private static QueueEventsProbe probe;
    private static EventPublisher publisher;

    @Autowired
    protected WebTestClient http;

    @Autowired
    protected ControlledClock clock;

    @DynamicPropertySource
    static void stubbedConcertService(DynamicPropertyRegistry registry) {
        registry.add("ticketing.instances.concert-service", concertService::url);
    }

    protected QueueClient queue() {
        return new QueueClient(http);
    }

    protected static synchronized QueueEventsProbe queueEvents() {
        if (probe == null) {
            probe = new QueueEventsProbe(TestInfrastructure.get().kafkaBootstrapServers());
        }
        return probe;
    }

    protected static synchronized EventPublisher events() {
        if (publisher == null) {
            publisher = new EventPublisher(TestInfrastructure.get().kafkaBootstrapServers());
        }
        return publisher;
    }

    /** A new user joins the concert's line. */
    protected Holder joins(UUID concertId) {
        UUID userId = UUID.randomUUID();
        return new Holder(userId, concertId, queue().joined(userId, concertId));
    }

    /** A new user joins and polls until admitted; the answer is the ACTIVE one. */
    protected Holder admitted(UUID concertId) {
        return untilActive(joins(concertId));
    }

    protected Holder untilActive(Holder holder) {
        TokenAnswer active = await().atMost(PATIENCE).until(holder::poll, answer -> answer.status().equals("ACTIVE"));
        return new Holder(holder.userId(), holder.concertId(), active);
    }

    /** Takes every ACTIVE place of a fresh concert's line, so that whoever joins next waits. */
    protected List<Holder> fillActivePlaces(UUID concertId) {
        List<Holder> holders = new ArrayList<>();
        for (int i = 0; i < MAX_ACTIVE; i++) {
            holders.add(admitted(concertId));
        }
        return holders;
    }

    /** A user and their latest queue answer. */
    protected final class Holder {

        private final UUID userId;
        private final UUID concertId;
        private final TokenAnswer answer;

        Holder(UUID userId, UUID concertId, TokenAnswer answer) {
            this.userId = userId;
            this.concertId = concertId;
            this.answer = answer;
        }

        public UUID userId() {
            return userId;
        }

        public UUID concertId() {
            return concertId;
        }

        public TokenAnswer answer() {
            return answer;
        }

        public UUID tokenId() {
            return answer.tokenId();
        }

        /** Polls as this holder (the gateway's headers from their token); expects 200. */
        public TokenAnswer poll() {
            return queue().polled(answer.tokenId(), userId, concertId);
        }

        public WebTestClient.ResponseSpec pollResponse() {
            return queue().poll(answer.tokenId(), userId, concertId);
        }
    }
}
