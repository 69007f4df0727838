package dev.ticketing.reservation.hold;

import static dev.ticketing.reservation.testing.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.ticketing.events.PaymentCompleted;
import dev.ticketing.reservation.testing.CatalogStub;
import dev.ticketing.reservation.testing.CatalogStub.ConcertDate;
import dev.ticketing.reservation.testing.Fan;
import dev.ticketing.reservation.testing.PaymentEventsPublisher;
import dev.ticketing.reservation.testing.ReservationBody;
import dev.ticketing.reservation.testing.ReservationIntegrationTest;
import dev.ticketing.reservation.testing.ReservationTable;
import dev.ticketing.reservation.testing.TestClock;

/** GET /reservations: a fan finds every ticket again without its id; owner-only, newest first, paged. */
@ReservationIntegrationTest
class ReservationListingIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    private PaymentEventsPublisher payments;

    @BeforeEach
    void connect() {
        payments = new PaymentEventsPublisher(kafka);
    }

    @AfterEach
    void disconnect() {
        payments.close();
    }

    @Test
    void aPaidTicketIsFoundWithItsConcertTitleAndPayment() {
        ConcertDate date = CatalogStub.get().openDate();
        Fan fan = Fan.admittedTo(date.concertId());
        ReservationBody held = hold(fan, date, 7);
        UUID paymentId = UUID.randomUUID();
        payments.publish(new PaymentCompleted(paymentId, held.reservationId(), fan.userId(), fan.tokenId(),
                held.price(), 1_000_000, clock.instant()), clock);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> new ReservationTable(jdbc).status(held.reservationId()).equals("CONFIRMED"));

        @SuppressWarnings("unchecked")
        Map<String, Object> ticket = (Map<String, Object>) items(fan, "status=CONFIRMED").getFirst();

        assertThat(ticket).containsEntry("reservationId", held.reservationId().toString())
                .containsEntry("concertId", date.concertId().toString())
                .containsEntry("title", date.title())
                .containsEntry("date", date.date().toString())
                .containsEntry("seatNumber", 7)
                .containsEntry("price", (int) CatalogStub.priceOf(7))
                .containsEntry("status", "CONFIRMED")
                .containsEntry("expiresAt", held.expiresAt().toString())
                .containsEntry("paymentId", paymentId.toString());
    }

    @Test
    void twoFansInterleavingEachSeeOnlyTheirOwnNewestFirst() {
        Fan ana = Fan.admittedTo(UUID.randomUUID());
        Fan ben = Fan.admittedTo(UUID.randomUUID());
        List<UUID> anas = new ArrayList<>();
        List<UUID> bens = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ConcertDate date = CatalogStub.get().openDate();
            anas.addFirst(hold(ana.at(date.concertId()), date, 1).reservationId());
            bens.addFirst(hold(ben.at(date.concertId()), date, 2).reservationId());
        }

        assertThat(allPages(ana, 3)).containsExactlyElementsOf(anas);
        assertThat(allPages(ben, 3)).containsExactlyElementsOf(bens);
        assertThat(items(ana, "")).allSatisfy(item -> assertThat(item.get("paymentId")).isNull());
    }

    @Test
    void theStatusFilterListsOnlyThatStatus() {
        Fan fan = Fan.admittedTo(UUID.randomUUID());
        List<UUID> held = holdsInNewConcerts(fan, 3);
        // The expiry itself is HoldExpiryIT's business; here only the listing's filter is.
        jdbc.update("UPDATE reservation SET status = 'EXPIRED' WHERE id = ?", held.get(1).toString());

        assertThat(ids(items(fan, "status=EXPIRED"))).containsExactly(held.get(1));
        assertThat(ids(items(fan, "status=HELD&limit=1"))).containsExactly(held.get(0));
        assertThat(ids(items(fan, "status=HELD"))).containsExactly(held.get(0), held.get(2));
        assertThat(items(fan, "status=CANCELLED")).isEmpty();
    }

    @Test
    void aPageContinuesAfterTheLastOneEvenWhenNewHoldsArriveInBetween() {
        Fan fan = Fan.admittedTo(UUID.randomUUID());
        List<UUID> held = holdsInNewConcerts(fan, 3);
        Map<?, ?> first = page(fan, "limit=2");
        UUID newest = holdsInNewConcerts(fan, 1).getFirst();

        Map<?, ?> second = page(fan, "limit=2&cursor=" + first.get("nextCursor"));

        assertThat(ids(items(first))).containsExactly(held.get(0), held.get(1));
        assertThat(ids(items(second))).containsExactly(held.get(2));
        assertThat(second.get("nextCursor")).isNull();
        assertThat(ids(items(fan, "limit=1"))).containsExactly(newest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=101", "limit=x", "cursor=bm90LW91cnM", "cursor=", "status=held",
            "status=PAID"})
    void badParametersAreRefusedWithAProblem(String query) {
        expectProblem(Fan.admittedTo(UUID.randomUUID()).list(http, query), 400, "INVALID_REQUEST");
    }

    @Test
    void listingNeedsTheCallersIdentity() {
        expectProblem(http.get().uri("/api/v1/reservations").exchange(), 401, "TOKEN_INVALID");
    }

    /** One hold in each of {@code count} new concerts, newest first. */
    private List<UUID> holdsInNewConcerts(Fan fan, int count) {
        List<UUID> held = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ConcertDate date = CatalogStub.get().openDate();
            held.addFirst(hold(fan.at(date.concertId()), date, 3).reservationId());
        }
        return held;
    }

    /** Each hold a millisecond after the last: the test clock stands still otherwise. */
    private ReservationBody hold(Fan fan, ConcertDate date, int seat) {
        clock.advance(Duration.ofMillis(1));
        return fan.hold(http, date.date(), seat).expectStatus().isCreated()
                .expectBody(ReservationBody.class).returnResult().getResponseBody();
    }

    private Map<?, ?> page(Fan fan, String query) {
        return fan.list(http, query).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private List<Map<?, ?>> items(Fan fan, String query) {
        return items(page(fan, query));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> items(Map<?, ?> page) {
        return (List<Map<?, ?>>) page.get("items");
    }

    private List<UUID> allPages(Fan fan, int limit) {
        List<UUID> all = new ArrayList<>();
        Object cursor = null;
        do {
            Map<?, ?> page = page(fan, "limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
            all.addAll(ids(items(page)));
            cursor = page.get("nextCursor");
        } while (cursor != null);
        return all;
    }

    private static List<UUID> ids(List<Map<?, ?>> items) {
        return items.stream().map(item -> UUID.fromString((String) item.get("reservationId"))).toList();
    }
}
