package dev.ticketing.gateway.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisOutageTest {

    private static final Duration QUIET = Duration.ofSeconds(10);

    private final SteppingClock clock = new SteppingClock();
    private final RedisOutage outage = new RedisOutage(clock, QUIET);

    @Test
    void answersWithoutAnOutageEndNothing() {
        assertThat(outage.answered()).isNull();
        assertThat(outage.ongoing()).isFalse();
    }

    @Test
    void theFirstFailureBeginsAnOutageAndLaterOnesBelongToIt() {
        assertThat(outage.failed()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(outage.failed()).isFalse();
        assertThat(outage.failed()).isFalse();

        assertThat(outage.ongoing()).isTrue();
    }

    @Test
    void aRedisThatStallsEveryFewJoinsIsOneOutageNotOnePerJoin() {
        int began = 0;
        int ended = 0;
        for (int join = 0; join < 300; join++) {
            clock.advance(Duration.ofMillis(100));
            if (join % 3 == 0) {
                began += outage.failed() ? 1 : 0;
            } else {
                ended += outage.answered() != null ? 1 : 0;
            }
        }

        assertThat(began).isEqualTo(1);
        assertThat(ended).isZero();
    }

    @Test
    void anOutageEndsOnceRedisHasAnsweredForTheQuietPeriodAndSaysHowItWent() {
        outage.failed();
        clock.advance(Duration.ofSeconds(2));
        outage.failed();
        outage.failed();

        clock.advance(QUIET.minusMillis(1));
        assertThat(outage.answered()).isNull();
        clock.advance(Duration.ofMillis(1));
        RedisOutage.Ended ended = outage.answered();

        assertThat(ended).isEqualTo(new RedisOutage.Ended(Duration.ofSeconds(2), 3));
        assertThat(outage.ongoing()).isFalse();
        assertThat(outage.answered()).isNull();
    }

    @Test
    void aFailureAfterAnOutageEndedBeginsANewOneCountedAfresh() {
        outage.failed();
        outage.failed();
        clock.advance(QUIET);
        outage.answered();

        assertThat(outage.failed()).isTrue();
        clock.advance(QUIET.multipliedBy(5));
        assertThat(outage.answered()).isEqualTo(new RedisOutage.Ended(Duration.ZERO, 1));
    }
}
