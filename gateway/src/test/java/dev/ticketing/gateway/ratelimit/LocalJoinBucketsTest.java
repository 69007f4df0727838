package dev.ticketing.gateway.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalJoinBucketsTest {

    private final SteppingClock clock = new SteppingClock();
    private final LocalJoinBuckets buckets = new LocalJoinBuckets(2, 10, clock);

    @Test
    void burstPassesThenJoinsWaitForTheRate() {
        for (int join = 0; join < 10; join++) {
            assertThat(buckets.acquire("a")).isZero();
        }

        assertThat(buckets.acquire("a")).isEqualTo(500);
        clock.advance(Duration.ofMillis(499));
        assertThat(buckets.acquire("a")).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(buckets.acquire("a")).isZero();
    }

    @Test
    void eachAddressHasItsOwnBucket() {
        for (int join = 0; join < 10; join++) {
            buckets.acquire("a");
        }

        assertThat(buckets.acquire("a")).isPositive();
        assertThat(buckets.acquire("b")).isZero();
    }

    @Test
    void anIpv6ClientIsOneBucketWhicheverAddressOfItsSlash64ItJoinsFrom() {
        for (int join = 0; join < 10; join++) {
            assertThat(buckets.acquire(ClientAddress.clientOf("2001:db8:1:2::" + Integer.toHexString(join + 1))))
                    .isZero();
        }

        assertThat(buckets.acquire(ClientAddress.clientOf("2001:db8:1:2:dead:beef:0:1"))).isPositive();
        assertThat(buckets.acquire(ClientAddress.clientOf("2001:db8:1:3::1"))).as("the next /64").isZero();
    }

    @Test
    void ipv4ClientsStayPerAddressAndAMappedAddressSharesItsIpv4Bucket() {
        for (int join = 0; join < 10; join++) {
            buckets.acquire(ClientAddress.clientOf("198.51.100.7"));
        }

        assertThat(buckets.acquire(ClientAddress.clientOf("::ffff:198.51.100.7"))).isPositive();
        assertThat(buckets.acquire(ClientAddress.clientOf("198.51.100.8"))).isZero();
    }

    @Test
    void anIdleBucketRefillsOnlyUpToTheBurst() {
        buckets.acquire("a");
        clock.advance(Duration.ofHours(1));

        for (int join = 0; join < 10; join++) {
            assertThat(buckets.acquire("a")).isZero();
        }
        assertThat(buckets.acquire("a")).isPositive();
    }
}
