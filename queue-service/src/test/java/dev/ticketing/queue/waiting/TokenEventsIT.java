package dev.ticketing.queue.waiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.ticketing.events.BalanceCharged;
import dev.ticketing.events.HoldExpired;
import dev.ticketing.events.PaymentCompleted;
import dev.ticketing.events.ReservationHeld;
import dev.ticketing.events.TokenActivated;
import dev.ticketing.events.TokenExpired;
import dev.ticketing.queue.QueueServiceIntegrationTest;
import dev.ticketing.queue.support.QueueEventsProbe.Received;
import dev.ticketing.queue.waiting.application.ExpiringTokens;
import dev.ticketing.queue.waiting.application.ExpiringTokens.ExpireToken;
import dev.ticketing.queue.waiting.application.QueueStore;
import dev.ticketing.queue.waiting.application.QueueStore.Expiry;

/** The queue's events on real Kafka: what admission announces, and how events from elsewhere end tokens. */
class TokenEventsIT extends QueueServiceIntegrationTest {

    @Autowired
    ExpiringTokens expiring;

    @Autowired
    QueueStore store;

    @Test
    void anAdmissionIsAnnouncedOnQueueEventsKeyedByTheToken() throws Exception {
        UUID concert = concertService.newConcert();
        Holder holder = admitted(concert);

        Received activated = await().atMost(PATIENCE).until(() -> first(holder.tokenId(), TokenActivated.class),
                received -> received != null);

        assertThat(activated.key()).isEqualTo(holder.tokenId().toString());
        TokenActivated event = (TokenActivated) activated.event().payload();
        assertThat(event.userId()).isEqualTo(holder.userId());
        assertThat(event.concertId()).isEqualTo(concert);
        // The store keeps epoch milliseconds.
        Instant admittedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        assertThat(event.activatedAt()).isEqualTo(admittedAt);
        assertThat(event.expiresAt()).isEqualTo(admittedAt.plus(Duration.ofMinutes(10)));
        assertThat(activated.event().occurredAt()).isEqualTo(event.activatedAt());
        assertThat(event.joinedAt()).as("when the holder joined, for consumers timing the line")
                .isNotNull().isBeforeOrEqualTo(event.activatedAt());
        // Name-based (the token and the event type), so a re-sent event carries the same id.
        assertThat(activated.event().eventId()).isEqualTo(nameBasedId(holder.tokenId(), "TokenActivated"));
    }

    @Test
    void aCompletedPaymentEndsThePayersTokenAsPaid() throws Exception {
        UUID concert = concertService.newConcert();
        Holder holder = admitted(concert);

        events().publish(new PaymentCompleted(UUID.randomUUID(), UUID.randomUUID(), holder.userId(), holder.tokenId(),
                150_000, 0, Instant.now()));

        Received expired = await().atMost(PATIENCE).until(() -> first(holder.tokenId(), TokenExpired.class),
                received -> received != null);
        assertThat(((TokenExpired) expired.event().payload()).reason()).isEqualTo(TokenExpired.Reason.PAID);
        assertThat(expired.event().eventId()).isEqualTo(nameBasedId(holder.tokenId(), "TokenExpired"));
        assertThat(queueEvents().about(holder.tokenId())).extracting(received -> received.event().eventType())
                .as("one token's events in order").containsExactly("TokenActivated", "TokenExpired");
        holder.pollResponse().expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("TOKEN_EXPIRED");
    }

    /** The payment's trace runs on through the listener, the Redis outbox entry and the relay onto TokenExpired. */
    @Test
    void theTokenExpiredOfAPaymentIsPublishedInThePaymentsTrace() {
        UUID concert = concertService.newConcert();
        Holder holder = admitted(concert);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String paymentSpan = "00-" + traceId + "-b7ad6b7169203331-01";

        events().publishInTrace(new PaymentCompleted(UUID.randomUUID(), UUID.randomUUID(), holder.userId(),
                holder.tokenId(), 150_000, 0, Instant.now()), paymentSpan);

        Received expired = await().atMost(PATIENCE).until(() -> first(holder.tokenId(), TokenExpired.class),
                received -> received != null);
        assertThat(expired.traceParent()).startsWith("00-" + traceId + "-").isNotEqualTo(paymentSpan);
        Received activated = first(holder.tokenId(), TokenActivated.class);
        assertThat(activated.traceParent()).as("admission runs on its own schedule, outside any trace").isNull();
        assertThat(((TokenExpired) expired.event().payload()).joinedAt()).as("the join time, kept to the end")
                .isEqualTo(((TokenActivated) activated.event().payload()).joinedAt()).isNotNull();
    }

    @Test
    void anExpiredHoldEndsTheHoldersTokenAsHoldExpired() {
        UUID concert = concertService.newConcert();
        Holder holder = admitted(concert);

        events().publish(new HoldExpired(UUID.randomUUID(), holder.userId(), concert, 42, LocalDate.now(), 17,
                holder.tokenId(), Instant.now()));

        Received expired = await().atMost(PATIENCE).until(() -> first(holder.tokenId(), TokenExpired.class),
                received -> received != null);
        assertThat(((TokenExpired) expired.event().payload()).reason()).isEqualTo(TokenExpired.Reason.HOLD_EXPIRED);
        holder.pollResponse().expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("TOKEN_EXPIRED");
    }

    @Test
    void otherEventsOnTheSameTopicsAreSkipped() {
        UUID concert = concertService.newConcert();
        Holder holder = admitted(concert);

        events().publish(new BalanceCharged(holder.userId(), UUID.randomUUID(), 1000, 1000, Instant.now()));
        events().publish(new ReservationHeld(UUID.randomUUID(), holder.userId(), concert, 42, LocalDate.now(), 17,
                150_000, holder.tokenId(), Instant.now(), Instant.now().plusSeconds(300)));
        events().publish(new PaymentCompleted(UUID.randomUUID(), UUID.randomUUID(), holder.userId(), holder.tokenId(),
                1000, 0, Instant.now()));

        // Neither of the others ended the token, and they did not stop the listener either.
        Received expired = await().atMost(PATIENCE).until(() -> first(holder.tokenId(), TokenExpired.class),
                received -> received != null);
        assertThat(((TokenExpired) expired.event().payload()).reason()).isEqualTo(TokenExpired.Reason.PAID);
    }

    /**
     * A join stamped a little later than the admission cycle that admits it (the cycle read its clock before the join
     * landed, or the joining instance's clock is ahead) is admitted, and ended, at its join time: an event saying a
     * token was admitted or ended before it joined is refused by its readers, and the relay would set it aside
     * unpublished (seen in an on-sale run: 12 TokenActivated set aside, 21 ms early).
     */
    @Test
    void aJoinStampedAheadOfTheCyclesClockIsAdmittedAndEndedNoEarlierThanItsJoin() {
        UUID concert = concertService.newConcert();
        UUID tokenId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        Instant joinedAt = clock.instant().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);

        store.join(concert, userId, tokenId, joinedAt).block();

        Received activated = await().atMost(PATIENCE).until(() -> first(tokenId, TokenActivated.class),
                received -> received != null);
        TokenActivated admission = (TokenActivated) activated.event().payload();
        assertThat(admission.joinedAt()).isEqualTo(joinedAt);
        assertThat(admission.activatedAt()).as("the cycle's clock (2 s behind) moved up to the join")
                .isEqualTo(joinedAt);

        assertThat(expiring.expire(new ExpireToken(tokenId, userId, TokenExpired.Reason.PAID)).block())
                .isEqualTo(Expiry.EXPIRED);
        Received expired = await().atMost(PATIENCE).until(() -> first(tokenId, TokenExpired.class),
                received -> received != null);
        assertThat(((TokenExpired) expired.event().payload()).expiredAt()).isEqualTo(joinedAt);
    }

    @Test
    void endingATokenTwiceChangesAndAnnouncesNothingTheSecondTime() {
        UUID concert = concertService.newConcert();
        Holder holder = admitted(concert);
        ExpireToken paid = new ExpireToken(holder.tokenId(), holder.userId(), TokenExpired.Reason.PAID);
        ExpireToken holdExpired = new ExpireToken(holder.tokenId(), holder.userId(), TokenExpired.Reason.HOLD_EXPIRED);

        assertThat(expiring.expire(paid).block()).isEqualTo(Expiry.EXPIRED);
        assertThat(expiring.expire(paid).block()).isEqualTo(Expiry.ALREADY_ENDED);
        assertThat(expiring.expire(holdExpired).block()).isEqualTo(Expiry.ALREADY_ENDED);
    }

    @Test
    void aTokenIsNotEndedForSomeoneElse() {
        UUID concert = concertService.newConcert();
        Holder holder = admitted(concert);

        Expiry expiry = expiring.expire(new ExpireToken(holder.tokenId(), UUID.randomUUID(), TokenExpired.Reason.PAID))
                .block();

        assertThat(expiry).isEqualTo(Expiry.NOT_THE_HOLDER);
        assertThat(holder.poll().status()).isEqualTo("ACTIVE");
    }

    private static Received first(UUID tokenId, Class<?> type) {
        List<Received> about = queueEvents().about(tokenId);
        return about.stream().filter(received -> type.isInstance(received.event().payload())).findFirst().orElse(null);
    }

    /** RFC 4122 version 5: SHA-1 over the namespace's bytes and the name, as the Lua scripts compute it. */
    private static UUID nameBasedId(UUID tokenId, String eventType) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(java.util.HexFormat.of().parseHex("6a1f4c2e9b3d4e5f8a7b0c1d2e3f4a5b"));
        byte[] hash = sha1.digest((tokenId + ":" + eventType).getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        long high = java.nio.ByteBuffer.wrap(hash, 0, 8).getLong();
        long low = java.nio.ByteBuffer.wrap(hash, 8, 8).getLong();
        return new UUID(high, low);
    }
}
