package dev.ticketing.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import javax.sql.DataSource;

import dev.ticketing.messaging.testapp.MessagingIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@MessagingIntegrationTest
class RelayLeaseIT {

    @Autowired
    OutboxRelay relay;
    @Autowired
    DataSource dataSource;

    RelayLease a;
    RelayLease b;

    @BeforeEach
    void freeTheLease() {
        relay.stop();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        a = new RelayLease(jdbc, "instance-a", Duration.ofMillis(500));
        b = new RelayLease(jdbc, "instance-b", Duration.ofSeconds(30));
    }

    @AfterEach
    void giveItBack() {
        a.release();
        b.release();
        relay.start();
    }

    @Test
    void onlyOneInstanceHoldsTheLeaseAndTheHolderCanRenewIt() {
        assertThat(a.tryAcquire()).isTrue();
        assertThat(b.tryAcquire()).isFalse();
        assertThat(a.tryAcquire()).isTrue();
    }

    @Test
    void aReleasedLeaseIsTakenAtOnce() {
        assertThat(b.tryAcquire()).isTrue();
        b.release();

        assertThat(a.tryAcquire()).isTrue();
    }

    @Test
    void aLapsedLeaseIsTakenOverByAnotherInstance() {
        assertThat(a.tryAcquire()).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(b::tryAcquire);

        assertThat(a.tryAcquire()).isFalse();
    }
}
