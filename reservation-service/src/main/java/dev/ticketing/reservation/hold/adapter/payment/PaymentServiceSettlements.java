package dev.ticketing.reservation.hold.adapter.payment;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.ticketing.reservation.hold.application.PaymentServiceUnavailable;
import dev.ticketing.reservation.hold.application.Settlement;
import dev.ticketing.reservation.hold.application.Settlements;
import dev.ticketing.reservation.hold.domain.Payment;
import dev.ticketing.reservation.hold.domain.ReservationId;

/** Settlements from payment-service's internal API: {@code PUT /internal/v1/reservation-settlements/{id}}. */
class PaymentServiceSettlements implements Settlements {

    private final RestClient http;

    PaymentServiceSettlements(RestClient http) {
        this.http = http;
    }

    @Override
    public Settlement settle(ReservationId id) {
        SettlementAnswer answer;
        try {
            answer = http.put().uri("/internal/v1/reservation-settlements/{reservationId}", id.value())
                    .retrieve().body(SettlementAnswer.class);
        } catch (RestClientException e) {
            throw new PaymentServiceUnavailable("payment-service could not settle reservation " + id, e);
        }
        if (answer == null || answer.outcome() == null) {
            throw new PaymentServiceUnavailable("payment-service answered no settlement for " + id, null);
        }
        return switch (answer.outcome()) {
            case "VOIDED" -> new Settlement.Voided();
            case "PAID" -> {
                if (answer.paymentId() == null || answer.userId() == null || answer.amount() == null) {
                    throw new PaymentServiceUnavailable("payment-service answered an incomplete payment for " + id,
                            null);
                }
                yield new Settlement.Paid(new Payment(answer.paymentId(), answer.userId(), answer.amount()));
            }
            default -> throw new PaymentServiceUnavailable(
                    "payment-service answered outcome " + answer.outcome() + " for " + id, null);
        };
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SettlementAnswer(UUID reservationId, String outcome, UUID paymentId, UUID userId, Long amount) {
    }
}
