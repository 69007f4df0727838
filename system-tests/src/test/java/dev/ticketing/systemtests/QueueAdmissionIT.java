package dev.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * With QUEUE_MAX_ACTIVE = 5, thirty fans join one concert. Each admitted batch is made to end (every fan holds a
 * seat and lets the 3 s hold lapse, which expires the token), and the next fans in join order take their places.
 *
 * <p>The public API has no atomic snapshot, so the cap is checked in sweeps taken only while no token is ending:
 * a sweep then cannot count a token that ended together with one admitted after it.
 */
class QueueAdmissionIT {

    private static final int FANS = 30;

    @Test
    void neverMoreThanMaxActiveAndEveryoneIsAdmittedInJoinOrder() {
        Concerts.Concert concert = Concerts.create("admission");
        List<Fan> waiting = new ArrayList<>();
        IntStream.range(0, FANS).forEach(i -> waiting.add(new Fan().join(concert.concertId())));
        List<Fan> admittedInOrder = new ArrayList<>();
        int seat = 1;

        while (!waiting.isEmpty()) {
            int expected = Math.min(SystemUnderTest.MAX_ACTIVE, waiting.size());
            List<Fan> batch = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                List<Fan> active = sweep(waiting);
                assertThat(active.size()).as("ACTIVE fans seen at once").isLessThanOrEqualTo(SystemUnderTest.MAX_ACTIVE);
                assertThat(active).as("admitted in join order").containsExactlyElementsOf(waiting.subList(0, active.size()));
                assertThat(active).hasSize(expected);
                batch.clear();
                batch.addAll(active);
            });
            admittedInOrder.addAll(batch);
            waiting.removeAll(batch);

            for (Fan fan : batch) {
                HttpApi.Response hold = fan.hold(concert, seat++);
                assertThat(hold.status()).as(hold.body()).isEqualTo(201);
            }
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(batch).allSatisfy(fan -> assertThat(fan.poll().status()).isEqualTo(401)));
        }

        assertThat(admittedInOrder).hasSize(FANS);
    }

    /** Polls every waiting fan (which also keeps their places alive) and returns those that are ACTIVE. */
    private static List<Fan> sweep(List<Fan> fans) {
        List<Fan> active = new ArrayList<>();
        for (Fan fan : fans) {
            HttpApi.Response response = fan.poll();
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            if (response.json().path("status").asString().equals("ACTIVE")) {
                assertThat(response.json().path("position").asInt()).isZero();
                active.add(fan);
            }
        }
        return active;
    }
}
