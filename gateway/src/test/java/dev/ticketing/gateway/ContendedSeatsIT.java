package dev.ticketing.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Holds on one seat through the gateway (seat.ContendedSeats): one at a time to the service, and its 409
 * SEAT_UNAVAILABLE repeated to the holds waiting and for {@link #TAKEN_SEAT_MEMORY} in this context. The stub
 * service refuses when a request asks it to ({@link StubService#REFUSE}) and echoes otherwise, so a request that
 * reached it is told by its answer.
 */
class ContendedSeatsIT extends GatewayInFrontOfStubs {

    private static final String HOLDS = "/api/v1/reservations";
    /** How long the stub takes over a hold in the tests of holds waiting for another. */
    private static final Duration IN_FLIGHT = Duration.ofMillis(500);
    private static final AtomicInteger dates = new AtomicInteger();

    @Autowired
    MeterRegistry meters;

    @Test
    void aSeatTheServiceRefusedAsTakenIsRefusedByTheGatewayWithTheServicesOwnAnswerToEveryFan() {
        String seat = hold(1);
        double before = refusals();
        byte[] serviceAnswer = post(seat, activeBearer(), "SEAT_UNAVAILABLE").expectStatus().isEqualTo(409)
                .expectBody().returnResult().getResponseBody();

        EntityExchangeResult<byte[]> repeated = post(seat, anotherFan(), null)
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult();

        assertThat(repeated.getResponseBody()).isEqualTo(serviceAnswer);
        assertThat(new String(serviceAnswer)).contains("\"code\":\"SEAT_UNAVAILABLE\"");
        assertThat(timesReceived(seat)).isEqualTo(1);
        assertThat(refusals()).isEqualTo(before + 1);
    }

    @Test
    void holdsOnASeatWhoseHoldIsInFlightWaitForItsAnswerAndGetTheRefusalWithoutACall() throws Exception {
        String seat = hold(8);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<EntityExchangeResult<byte[]>> first = executor.submit(() ->
                    post(seat, activeBearer(), "SEAT_UNAVAILABLE", IN_FLIGHT.toMillis()).expectBody().returnResult());
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> timesReceived(seat) == 1);

            List<EntityExchangeResult<byte[]>> waited = rush(executor, seat, 5);

            byte[] serviceAnswer = first.get(30, TimeUnit.SECONDS).getResponseBody();
            assertThat(new String(serviceAnswer)).contains("\"code\":\"SEAT_UNAVAILABLE\"");
            assertThat(waited).allSatisfy(answer -> {
                assertThat(answer.getStatus().value()).isEqualTo(409);
                assertThat(answer.getResponseBody()).isEqualTo(serviceAnswer);
            });
        }
        assertThat(timesReceived(seat)).isEqualTo(1);
    }

    @Test
    void afterTheWinnersHoldOneMoreGoesToTheServiceAndItsRefusalAnswersTheRest() throws Exception {
        String seat = hold(9);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<EntityExchangeResult<byte[]>> winner = executor.submit(() ->
                    post(seat, activeBearer(), null, IN_FLIGHT.toMillis()).expectBody().returnResult());
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> timesReceived(seat) == 1);

            List<EntityExchangeResult<byte[]>> losers = rush(executor, seat, 5);

            assertThat(winner.get(30, TimeUnit.SECONDS).getStatus().value()).isEqualTo(200);
            assertThat(losers).allSatisfy(answer -> assertThat(answer.getStatus().value()).isEqualTo(409));
            assertThat(losers.stream().map(answer -> new String(answer.getResponseBody())).distinct()).hasSize(1);
        }
        assertThat(timesReceived(seat)).isEqualTo(2);
    }

    @Test
    void theSeatGoesToTheServiceAgainOnceTheMemoryIsOver() {
        String seat = hold(2);
        post(seat, activeBearer(), "SEAT_UNAVAILABLE").expectStatus().isEqualTo(409);
        long refusedAt = System.nanoTime();

        await().atMost(TAKEN_SEAT_MEMORY.plusSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                post(seat, anotherFan(), null).expectStatus().isOk());

        assertThat(Duration.ofNanos(System.nanoTime() - refusedAt)).isGreaterThanOrEqualTo(TAKEN_SEAT_MEMORY);
        assertThat(timesReceived(seat)).isEqualTo(2);
    }

    @Test
    void noOtherAnswerIsRepeated() {
        for (String code : new String[] {"HOLD_LIMIT", "STUB_409"}) {
            String seat = hold(3);
            post(seat, activeBearer(), code).expectStatus().isEqualTo(409);
            post(seat, anotherFan(), null).expectStatus().isOk();
            assertThat(timesReceived(seat)).as(code).isEqualTo(2);
        }
        String seat = hold(4);
        int holdsBefore = reservationService.bodiesSentTo(HOLDS).size();
        post(seat, activeBearer(), null).expectStatus().isOk();
        post(seat, anotherFan(), null).expectStatus().isOk();
        assertThat(timesReceived(seat)).isEqualTo(2);
        assertThat(reservationService.bodiesSentTo(HOLDS)).hasSize(holdsBefore + 2);
    }

    @Test
    void otherSeatsOtherDatesAndOtherConcertsTokensStillReachTheService() {
        LocalDate date = nextDate();
        post(hold(CONCERT, date, 5), activeBearer(), "SEAT_UNAVAILABLE").expectStatus().isEqualTo(409);

        for (String other : new String[] {hold(CONCERT, date, 6), hold(CONCERT, date.plusDays(1), 5),
                hold(UUID.randomUUID().toString(), date, 5)}) {
            post(other, anotherFan(), null).expectStatus().isOk();
            assertThat(timesReceived(other)).as(other).isEqualTo(1);
        }
        // A token for another concert: the service answers that (WRONG_CONCERT), not the gateway "seat taken".
        String sameSeat = hold(CONCERT, date, 5);
        post(sameSeat, QueueTokens.bearer(tokens.active(UUID.randomUUID().toString(), UUID.randomUUID().toString())),
                null).expectStatus().isOk();
        assertThat(timesReceived(sameSeat)).isEqualTo(2);
    }

    @Test
    void aBodyThatIsNotExactlyASeatGoesToTheServiceUnchanged() {
        LocalDate date = nextDate();
        post(hold(CONCERT, date, 5), activeBearer(), "SEAT_UNAVAILABLE").expectStatus().isEqualTo(409);

        for (String other : new String[] {
                "{\"concertId\":\"" + CONCERT + "\",\"date\":\"" + date + "\",\"seatNumber\":5,\"extra\":true}",
                "{\"concertId\":\"" + CONCERT + "\",\"date\":\"" + date + "\",\"seatNumber\":\"5\"}",
                "{\"concertId\":\"" + CONCERT + "\",\"date\":\"" + date + "\",\"seatNumber\":5"}) {
            post(other, anotherFan(), null).expectStatus().isOk();
            assertThat(timesReceived(other)).as(other).isEqualTo(1);
        }
    }

    @Test
    void aRefusedHoldStillNeedsAnActiveToken() {
        String seat = hold(7);
        post(seat, activeBearer(), "SEAT_UNAVAILABLE").expectStatus().isEqualTo(409);

        expectProblem(client.post().uri(HOLDS).contentType(MediaType.APPLICATION_JSON).bodyValue(seat), 401,
                "TOKEN_INVALID");
        expectProblem(client.post().uri(HOLDS).contentType(MediaType.APPLICATION_JSON).bodyValue(seat)
                .header(HttpHeaders.AUTHORIZATION, QueueTokens.bearer(tokens.waiting(USER, CONCERT))), 403,
                "QUEUE_NOT_ACTIVE");
    }

    private WebTestClient.ResponseSpec post(String body, String bearer, String refuseWith) {
        return post(body, bearer, refuseWith, 0);
    }

    /** A hold the stub answers after {@code delayMillis}: refused with {@code refuseWith}, or echoed when null. */
    private WebTestClient.ResponseSpec post(String body, String bearer, String refuseWith, long delayMillis) {
        var request = client.post().uri(HOLDS).header(HttpHeaders.AUTHORIZATION, bearer)
                .header(StubService.DELAY_MILLIS, Long.toString(delayMillis))
                .contentType(MediaType.APPLICATION_JSON);
        if (refuseWith != null) {
            request = request.header(StubService.REFUSE, refuseWith);
        }
        return request.bodyValue(body).exchange();
    }

    /** Answers (status, body) of {@code fans} holds of {@code seat} sent at once, each from another fan. */
    private List<EntityExchangeResult<byte[]>> rush(ExecutorService executor, String seat, int fans)
            throws Exception {
        List<Future<EntityExchangeResult<byte[]>>> sent = new ArrayList<>();
        for (int i = 0; i < fans; i++) {
            sent.add(executor.submit(() -> post(seat, anotherFan(), "SEAT_UNAVAILABLE", IN_FLIGHT.toMillis())
                    .expectBody().returnResult()));
        }
        List<EntityExchangeResult<byte[]>> answers = new ArrayList<>();
        for (Future<EntityExchangeResult<byte[]>> answer : sent) {
            answers.add(answer.get(30, TimeUnit.SECONDS));
        }
        return answers;
    }

    /** A hold for {@link #CONCERT} on a date no other test uses. */
    private static String hold(int seat) {
        return hold(CONCERT, nextDate(), seat);
    }

    private static String hold(String concert, LocalDate date, int seat) {
        return "{\"concertId\":\"" + concert + "\",\"date\":\"" + date + "\",\"seatNumber\":" + seat + "}";
    }

    private static LocalDate nextDate() {
        return LocalDate.of(2031, 1, 1).plusDays(2L * dates.incrementAndGet());
    }

    private static String anotherFan() {
        return QueueTokens.bearer(tokens.active(UUID.randomUUID().toString(), CONCERT));
    }

    private long timesReceived(String body) {
        return reservationService.bodiesSentTo(HOLDS).stream().filter(body::equals).count();
    }

    private double refusals() {
        return meters.counter("ticketing.gateway.taken_seat.refusals").count();
    }
}
