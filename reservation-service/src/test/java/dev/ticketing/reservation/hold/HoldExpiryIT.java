package dev.ticketing.reservation.hold;

import static dev.ticketing.reservation.testing.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.ticketing.events.HoldExpired;
import dev.ticketing.reservation.hold.application.ExpiringHolds;
import dev.ticketing.reservation.testing.CatalogStub;
import dev.ticketing.reservation.testing.CatalogStub.ConcertDate;
import dev.ticketing.reservation.testing.Fan;
import dev.ticketing.reservation.testing.ReservationBody;
import dev.ticketing.reservation.testing.ReservationEventsProbe;
import dev.ticketing.reservation.testing.ReservationIntegrationTest;
import dev.ticketing.reservation.testing.ReservationTable;
import dev.ticketing.reservation.testing.TestClock;

@ReservationIntegrationTest
class HoldExpiryIT {

    private static final Duration HOLD_TTL = Duration.ofMinutes(5);

    @Autowired
    RestTestClient http;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ExpiringHolds expiringHolds;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    private final ConcertDate date = CatalogStub.get().openDate();

    @Test
    void aHoldExpiresAtItsTtlReleasesItsSeatAndTokenAndIsAnnouncedOnKafka() {
        Fan fan = Fan.admittedTo(date.concertId());
        double expiredBefore = meters.counter("ticketing.reservation.expired").count();
        try (ReservationEventsProbe events = ReservationEventsProbe.fromNow(kafka)) {
            ReservationBody held = hold(fan, 11);

            clock.moveTo(held.expiresAt());

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> fan.get(http, held.reservationId())
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("EXPIRED"));
            ReservationEventsProbe.Received received = events.awaitEvent(HoldExpired.class, held.reservationId());
            HoldExpired expired = (HoldExpired) received.event();
            assertThat(received.key()).isEqualTo(date.scheduleId() + ":11");
            assertThat(expired.tokenId()).isEqualTo(fan.tokenId());
            assertThat(expired.userId()).isEqualTo(fan.userId());
            assertThat(expired.expiredAt()).isAfterOrEqualTo(held.expiresAt());
        }
        assertThat(meters.counter("ticketing.reservation.expired").count()).isGreaterThan(expiredBefore);

        Fan.admittedTo(date.concertId()).hold(http, date.date(), 11).expectStatus().isCreated();
        // Its token holds nothing any more either.
        hold(fan, 12);
    }

    /** A refused rush remembers the seat as taken for a second (SeatsBeingHeld); its expiry here forgets that. */
    @Test
    void aSeatWhoseHoldExpiredCanBeHeldAgainAtOnceAfterARushOnIt() {
        ReservationBody held = hold(Fan.admittedTo(date.concertId()), 14);
        expectProblem(Fan.admittedTo(date.concertId()).hold(http, date.date(), 14), 409, "SEAT_UNAVAILABLE");

        clock.moveTo(held.expiresAt());
        expiringHolds.expireDueHolds();

        Fan.admittedTo(date.concertId()).hold(http, date.date(), 14).expectStatus().isCreated();
    }

    @Test
    void aHoldIsNotReleasedBeforeItsTime() {
        Fan fan = Fan.admittedTo(date.concertId());
        ReservationBody held = hold(fan, 13);

        clock.moveTo(held.expiresAt().minusNanos(1_000));
        expiringHolds.expireDueHolds();

        assertThat(new ReservationTable(jdbc).status(held.reservationId())).isEqualTo("HELD");
        expectProblem(Fan.admittedTo(date.concertId()).hold(http, date.date(), 13), 409,
                "SEAT_UNAVAILABLE");
    }

    @Test
    void sweepsRunningAtOnceExpireEveryDueHoldExactlyOnce() throws Exception {
        List<UUID> reservations = new ArrayList<>();
        for (int seat = 21; seat <= 50; seat++) {
            reservations.add(hold(Fan.admittedTo(date.concertId()), seat).reservationId());
        }

        clock.advance(HOLD_TTL);
        try (ExecutorService instances = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> sweeps = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sweeps.add(instances.submit(expiringHolds::expireDueHolds));
            }
            for (Future<Integer> sweep : sweeps) {
                sweep.get();
            }
        }
        // The scheduled sweep competes too; once every hold is EXPIRED nobody can expire it again.
        ReservationTable table = new ReservationTable(jdbc);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> reservations.stream().allMatch(id -> table.status(id).equals("EXPIRED")));

        for (int seat = 21; seat <= 50; seat++) {
            Map<String, Long> events = table.outboxEventsOfSeat(date.scheduleId(), seat).stream()
                    .collect(Collectors.groupingBy(event -> event.getClass().getSimpleName(), Collectors.counting()));
            assertThat(events).as("seat %d", seat)
                    .containsExactlyInAnyOrderEntriesOf(Map.of("ReservationHeld", 1L, "HoldExpired", 1L));
        }
    }

    private ReservationBody hold(Fan fan, int seat) {
        return fan.hold(http, date.date(), seat).expectStatus().isCreated()
                .expectBody(ReservationBody.class).returnResult().getResponseBody();
    }
}
