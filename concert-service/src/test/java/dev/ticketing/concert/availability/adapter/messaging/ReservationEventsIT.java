package dev.ticketing.concert.availability.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.ticketing.concert.AdminApi;
import dev.ticketing.concert.AdminApi.CreatedConcert;
import dev.ticketing.concert.TestAdminKey;
import dev.ticketing.concert.availability.adapter.messaging.ReservationEventsFeed.Seat;
import dev.ticketing.concert.availability.application.ApplyingReservationEvents;
import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.ReservationHeld;
import dev.ticketing.events.Topics;
import dev.ticketing.messaging.deadletter.DeadLetterTopics;
import dev.ticketing.testsupport.RealInfrastructure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reservation events published to the real reservation.events topic change the seat listing. Each test
 * has its own concert. "Processed" is read from the inbox table, which commits with the event's effect.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TestAdminKey.PROPERTY)
@RealInfrastructure(database = "concert_db")
@AutoConfigureRestTestClient
class ReservationEventsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final LocalDate DATE = LocalDate.now(ZoneOffset.UTC).plusDays(30);
    private static final Instant T0 = Instant.now();

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    ReservationEventsFeed feed;
    CreatedConcert concert;

    @BeforeEach
    void startFeedAndCreateConcert() {
        feed = new ReservationEventsFeed(bootstrapServers);
        concert = AdminApi.createWithOneDate(http, DATE, 1000);
    }

    @AfterEach
    void closeFeed() {
        feed.close();
    }

    @Test
    void aHoldShowsTheSeatHeldAndOneSeatFewerAvailable() {
        feed.publish(feed.held(seat(17), UUID.randomUUID(), T0));

        await().atMost(PATIENCE).until(() -> statusOf(17).equals("HELD"));
        assertThat(availableSeats()).isEqualTo(49);
    }

    @Test
    void anExpiredHoldMakesTheSeatAvailableAgain() {
        UUID reservation = UUID.randomUUID();
        feed.publish(feed.held(seat(3), reservation, T0));
        await().atMost(PATIENCE).until(() -> statusOf(3).equals("HELD"));

        feed.publish(feed.expired(seat(3), reservation, T0.plusSeconds(300)));

        await().atMost(PATIENCE).until(() -> statusOf(3).equals("AVAILABLE"));
        assertThat(availableSeats()).isEqualTo(50);
    }

    @Test
    void aConfirmedReservationShowsTheSeatSold() {
        UUID reservation = UUID.randomUUID();
        feed.publish(feed.held(seat(4), reservation, T0));
        await().atMost(PATIENCE).until(() -> statusOf(4).equals("HELD"));

        feed.publish(feed.confirmed(seat(4), reservation, T0.plusSeconds(60)));

        await().atMost(PATIENCE).until(() -> statusOf(4).equals("SOLD"));
        assertThat(availableSeats()).isEqualTo(49);
    }

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() {
        UUID reservation = UUID.randomUUID();
        EventEnvelope<ReservationHeld> held = feed.held(seat(5), reservation, T0);
        double duplicatesBefore = counter("ticketing.catalog.readmodel.ignored", "reason", "duplicate");
        var rejected = feed.rejected(seat(5), reservation, T0.plusSeconds(1));

        feed.publishRaw(held.key(), feed.bytesOf(held));
        feed.publishRaw(held.key(), feed.bytesOf(held));
        feed.publish(rejected); // same seat, so consumed after both copies

        awaitProcessed(held.eventId(), rejected.eventId());
        assertThat(availableSeats()).isEqualTo(49);
        assertThat(statusOf(5)).isEqualTo("HELD");
        assertThat(counter("ticketing.catalog.readmodel.ignored", "reason", "duplicate")).isEqualTo(duplicatesBefore + 1);
    }

    @Test
    void anExpiryDeliveredBeforeItsHoldLeavesTheSeatAvailable() {
        UUID reservation = UUID.randomUUID();
        var expired = feed.expired(seat(6), reservation, T0.plusSeconds(300));
        var held = feed.held(seat(6), reservation, T0);

        feed.publish(expired, held);

        awaitProcessed(expired.eventId(), held.eventId());
        assertThat(storedSeat(6)).containsEntry("status", "AVAILABLE").containsEntry("holder_reservation_id", null);
        assertThat(statusOf(6)).isEqualTo("AVAILABLE");
        assertThat(availableSeats()).isEqualTo(50);
    }

    @Test
    void aNewHoldDeliveredBeforeTheEndOfThePreviousOneKeepsTheSeatHeldForTheNewHolder() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        feed.publish(feed.held(seat(8), first, T0));
        await().atMost(PATIENCE).until(() -> statusOf(8).equals("HELD"));
        var secondHeld = feed.held(seat(8), second, T0.plusSeconds(301));
        var firstExpired = feed.expired(seat(8), first, T0.plusSeconds(300));

        feed.publish(secondHeld, firstExpired);

        awaitProcessed(secondHeld.eventId(), firstExpired.eventId());
        assertThat(storedSeat(8)).containsEntry("status", "HELD").containsEntry("holder_reservation_id", second.toString());
        assertThat(statusOf(8)).isEqualTo("HELD");
    }

    @Test
    void aSaleDeliveredBeforeItsHoldShowsTheSeatSold() {
        UUID reservation = UUID.randomUUID();
        var confirmed = feed.confirmed(seat(9), reservation, T0.plusSeconds(60));
        var held = feed.held(seat(9), reservation, T0);

        feed.publish(confirmed, held);

        awaitProcessed(confirmed.eventId(), held.eventId());
        assertThat(statusOf(9)).isEqualTo("SOLD");
    }

    @Test
    void appliedAndStaleEventsAreCountedByType() {
        double heldApplied = counter("ticketing.catalog.readmodel.applied", "type", "ReservationHeld");
        double staleExpiries = counter("ticketing.catalog.readmodel.ignored", "type", "HoldExpired", "reason", "stale");
        var held = feed.held(seat(10), UUID.randomUUID(), T0);
        var strayExpiry = feed.expired(seat(10), UUID.randomUUID(), T0.plusSeconds(1));

        feed.publish(held, strayExpiry);

        awaitProcessed(held.eventId(), strayExpiry.eventId());
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(counter("ticketing.catalog.readmodel.applied", "type", "ReservationHeld")).isEqualTo(heldApplied + 1);
            assertThat(counter("ticketing.catalog.readmodel.ignored", "type", "HoldExpired", "reason", "stale"))
                    .isEqualTo(staleExpiries + 1);
        });
        assertThat(statusOf(10)).isEqualTo("HELD");
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicUnchanged() {
        String key = "poison-" + UUID.randomUUID();
        byte[] poison = "{\"eventType\": \"ReservationHeld\", \"oops\"".getBytes(StandardCharsets.UTF_8);

        try (DeadLetterProbe deadLetters = new DeadLetterProbe(bootstrapServers, DeadLetterTopics.of(Topics.RESERVATION_EVENTS, ApplyingReservationEvents.CONSUMER))) {
            feed.publishRaw(key, poison);

            ConsumerRecord<String, byte[]> deadLetter = deadLetters.awaitRecordWithKey(key);
            assertThat(deadLetter.value()).isEqualTo(poison);
        }
    }

    @Test
    void anEventForASeatThisCatalogDoesNotHaveGoesToTheDeadLetterTopic() {
        Seat nowhere = new Seat(concert.concertId(), Long.MAX_VALUE - 7, DATE, 12);
        EventEnvelope<ReservationHeld> held = feed.held(nowhere, UUID.randomUUID(), T0);

        try (DeadLetterProbe deadLetters = new DeadLetterProbe(bootstrapServers, DeadLetterTopics.of(Topics.RESERVATION_EVENTS, ApplyingReservationEvents.CONSUMER))) {
            feed.publish(held);

            ConsumerRecord<String, byte[]> deadLetter = deadLetters.awaitRecordWithKey(held.key());
            assertThat(deadLetter.value()).isEqualTo(feed.bytesOf(held));
        }
        assertThat(processed(held.eventId())).as("nothing was applied").isZero();
    }

    private Seat seat(int number) {
        return new Seat(concert.concertId(), concert.scheduleOf(DATE), DATE, number);
    }

    private String statusOf(int seatNumber) {
        List<Map<String, Object>> seats = http.get()
                .uri("/api/v1/concerts/{concert}/dates/{date}/seats", concert.concertId(), DATE).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getResponseBody();
        return (String) seats.get(seatNumber - 1).get("status");
    }

    private int availableSeats() {
        List<Map<String, Object>> dates = http.get().uri("/api/v1/concerts/{concert}/dates", concert.concertId()).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getResponseBody();
        assertThat(dates).hasSize(1);
        return (Integer) dates.get(0).get("availableSeats");
    }

    private Map<String, Object> storedSeat(int seatNumber) {
        return jdbc.queryForMap("SELECT status, holder_reservation_id FROM seat WHERE schedule_id = ? AND seat_number = ?",
                concert.scheduleOf(DATE), seatNumber);
    }

    private void awaitProcessed(UUID... eventIds) {
        await().atMost(PATIENCE).until(() -> Arrays.stream(eventIds).mapToLong(this::processed).sum() == eventIds.length);
    }

    private long processed(UUID eventId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE consumer = 'concert-service' AND event_id = ?",
                Long.class, eventId.toString());
    }

    private double counter(String name, String... tags) {
        return meters.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }
}
