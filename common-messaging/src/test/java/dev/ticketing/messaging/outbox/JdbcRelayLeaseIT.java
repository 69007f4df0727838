package dev.ticketing.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import javax.sql.DataSource;

import dev.ticketing.messaging.relay.OutboxRelay;
import dev.ticketing.messaging.testapp.MessagingIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@MessagingIntegrationTest
class JdbcRelayLeaseIT {

    private static final String A = "instance-a";
    private static final String B = "instance-b";

    @Autowired
    OutboxRelay relay;
    @Autowired
    DataSource dataSource;

    JdbcRelayLease lease;

    @BeforeEach
    void freeTheLease() {
        relay.stop();
        lease = new JdbcRelayLease(new JdbcTemplate(dataSource));
    }

    @AfterEach
    void giveItBack() {
        lease.release(A);
        lease.release(B);
        relay.start();
    }

    private boolean a() {
        return lease.tryAcquire(A, Duration.ofMillis(500));
    }

    private boolean b() {
        return lease.tryAcquire(B, Duration.ofSeconds(30));
    }

    @Test
    void onlyOneInstanceHoldsTheLeaseAndTheHolderCanRenewIt() {
        assertThat(a()).isTrue();
        assertThat(b()).isFalse();
        assertThat(a()).isTrue();
    }

    @Test
    void aReleasedLeaseIsTakenAtOnce() {
        assertThat(b()).isTrue();
        lease.release(B);

        assertThat(a()).isTrue();
    }

    @Test
    void aLapsedLeaseIsTakenOverByAnotherInstance() {
        assertThat(a()).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(this::b);

        assertThat(a()).isFalse();
    }
}
