package dev.ticketing.reservation.hold;

import static dev.ticketing.reservation.testing.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.ticketing.reservation.testing.CatalogStub;
import dev.ticketing.reservation.testing.CatalogStub.ConcertDate;
import dev.ticketing.reservation.testing.Fan;
import dev.ticketing.reservation.testing.ReservationIntegrationTest;
import dev.ticketing.reservation.testing.ReservationTable;
import dev.ticketing.web.load.ShedRequests;

/** Holds depend on concert-service's catalog: cached, and never a hang or a 500 when it is away. */
@ReservationIntegrationTest
class CatalogResilienceIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    private final CatalogStub catalog = CatalogStub.get();

    @AfterEach
    void closeTheCircuitForTheNextTests() {
        breaker().reset();
    }

    /**
     * The first call through the client is slow (its HTTP client, codecs and classes are made then): it is made
     * once at start, for the nil concert id no concert has, not by an on-sale's first holds.
     */
    @Test
    void theCatalogIsAskedOnceAtStartForAConcertNoOneHas() {
        UUID nil = new UUID(0, 0);

        await().atMost(Duration.ofSeconds(30)).until(() -> catalog.requestsFor(nil) >= 1);
    }

    @Test
    void aCachedDateKeepsBeingBookableWhileConcertServiceFails() {
        ConcertDate date = catalog.openDate();
        Fan.admittedTo(date.concertId()).hold(http, date.date(), 1).expectStatus().isCreated();

        catalog.fail(date.concertId());

        Fan.admittedTo(date.concertId()).hold(http, date.date(), 2).expectStatus().isCreated();
        assertThat(catalog.requestsFor(date.concertId())).isEqualTo(1);
    }

    @Test
    void concertServiceFailingForADateNotCachedIsAShedThatHoldsNothing() {
        ConcertDate date = catalog.openDate();
        catalog.fail(date.concertId());

        RestTestClient.ResponseSpec answer = Fan.admittedTo(date.concertId()).hold(http, date.date(), 1);

        // Marked as a shed: the gateway's breaker does not count it against reservation-service.
        answer.expectHeader().valueEquals(ShedRequests.SHED_HEADER, "1").expectHeader().valueEquals("Retry-After", "1");
        expectProblem(answer, 503, "SERVICE_BUSY");

        assertThat(new ReservationTable(jdbc).reservationsOfSchedule(date.scheduleId())).isZero();
    }

    @Test
    void concertServiceNotAnsweringIsAShedOnceTheTimeLimitPasses() {
        ConcertDate date = catalog.openDate();
        catalog.hang(date.concertId());

        expectProblem(Fan.admittedTo(date.concertId()).hold(http, date.date(), 1), 503, "SERVICE_BUSY");
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndLaterHoldsAreRefusedWithoutAskingConcertService() {
        breaker().reset();
        for (int i = 0; i < 10; i++) {
            ConcertDate failing = catalog.openDate();
            catalog.fail(failing.concertId());
            expectProblem(Fan.admittedTo(failing.concertId()).hold(http, failing.date(), 1), 503,
                    "SERVICE_BUSY");
        }
        ConcertDate date = catalog.openDate();

        expectProblem(Fan.admittedTo(date.concertId()).hold(http, date.date(), 1), 503, "SERVICE_BUSY");

        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(catalog.requestsFor(date.concertId())).isZero();
    }

    @Test
    void notFoundAnswersAreNeitherCachedNorFailures() {
        breaker().reset();
        ConcertDate date = catalog.openDate();
        for (int i = 0; i < 12; i++) {
            expectProblem(Fan.admittedTo(date.concertId()).hold(http, date.date().plusDays(1), 1), 404,
                    "DATE_NOT_FOUND");
        }

        assertThat(catalog.requestsFor(date.concertId())).isEqualTo(12);
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    private CircuitBreaker breaker() {
        return circuitBreakers.circuitBreaker("concert-service");
    }
}
