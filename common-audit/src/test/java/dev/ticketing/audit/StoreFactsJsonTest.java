package dev.ticketing.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.ticketing.audit.AuditFacts.ActiveLine;
import dev.ticketing.audit.AuditFacts.ActiveToken;
import dev.ticketing.audit.AuditFacts.InboxDuplicate;
import dev.ticketing.audit.AuditFacts.OutboxBacklog;
import dev.ticketing.audit.AuditFacts.PaymentRow;
import dev.ticketing.audit.AuditFacts.QueueFacts;
import dev.ticketing.audit.AuditFacts.ReservationRow;
import dev.ticketing.audit.AuditFacts.SeatRow;
import tools.jackson.databind.json.JsonMapper;

/** The services send their facts as JSON ({@code GET /internal/v1/audit/facts}): nothing may be lost on the way. */
class StoreFactsJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-11-30T10:15:30.123456Z");

    @Test
    void everyServicesFactsSurviveTheTrip() {
        StoreFacts.Delivery delivery = new StoreFacts.Delivery(Optional.of(new OutboxBacklog("concert-service", 3, "e-1", AT)),
                List.of(new InboxDuplicate("concert-service", "seat-projection", "e-2", 2)));
        StoreFacts.Concert concert = new StoreFacts.Concert(List.of(new SeatRow("7", 12, "SOLD", "r-1")), Set.of("7", "8"), delivery);
        StoreFacts.Reservation reservation = new StoreFacts.Reservation(List.of(
                new ReservationRow("r-1", "u-1", "7", 12, 50_000, "t-1", "CONFIRMED", "p-1", AT, AT),
                new ReservationRow("r-2", "u-2", "7", 13, 50_000, "t-2", "HELD", null, AT, AT)),
                new StoreFacts.Delivery(Optional.empty(), List.of()));
        StoreFacts.Payment payment = new StoreFacts.Payment(List.of(new PaymentRow("p-1", "r-1", "u-1", 50_000, "COMPLETED", AT)),
                Map.of("u-1", 30_000L), Map.of("u-1", 80_000L), new StoreFacts.Delivery(Optional.empty(), List.of()));
        QueueFacts queue = new QueueFacts(100, List.of(new ActiveLine("c-1", List.of(new ActiveToken("t-2", "ACTIVE", AT),
                new ActiveToken("t-3", null, AT)))), Optional.empty());

        assertThat(roundTrip(concert, StoreFacts.Concert.class)).isEqualTo(concert);
        assertThat(roundTrip(reservation, StoreFacts.Reservation.class)).isEqualTo(reservation);
        assertThat(roundTrip(payment, StoreFacts.Payment.class)).isEqualTo(payment);
        assertThat(roundTrip(queue, QueueFacts.class)).isEqualTo(queue);
    }

    @Test
    void factsFromTheServicesJudgeLikeFactsReadDirectly() {
        StoreFacts.Delivery none = new StoreFacts.Delivery(Optional.empty(), List.of());
        StoreFacts.Concert concert = new StoreFacts.Concert(List.of(new SeatRow("7", 12, "SOLD", "r-1")), Set.of("7"), none);
        StoreFacts.Reservation reservation = new StoreFacts.Reservation(List.of(), none);
        StoreFacts.Payment payment = new StoreFacts.Payment(List.of(), Map.of("u-9", 100L), Map.of(), none);

        AuditFacts facts = AuditFacts.of(roundTrip(concert, StoreFacts.Concert.class),
                roundTrip(reservation, StoreFacts.Reservation.class), roundTrip(payment, StoreFacts.Payment.class), Optional.empty());
        List<Discrepancy> found = AuditRules.check(facts, new Judgement(AT.plusSeconds(60), Judgement.DEFAULT_SETTLE));

        assertThat(found).extracting(Discrepancy::kind)
                .containsExactlyInAnyOrder(Discrepancy.Kind.SEAT_READ_MODEL_MISMATCH, Discrepancy.Kind.BALANCE_MISMATCH);
    }

    private static <T> T roundTrip(T value, Class<T> type) {
        return JSON.readValue(JSON.writeValueAsString(value), type);
    }
}
