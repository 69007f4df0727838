package dev.ticketing.payment.payments.adapter.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.identity.IdentityHeaders;
import dev.ticketing.payment.config.ConnectionDeadline;
import dev.ticketing.payment.idempotency.adapter.web.IdempotentResponses;
import dev.ticketing.payment.idempotency.adapter.web.IdempotentResponses.Endpoint;
import dev.ticketing.payment.payments.application.PayReservation;
import dev.ticketing.payment.payments.application.PaymentDeadline;
import dev.ticketing.payment.payments.application.PaymentTimeBudget;
import dev.ticketing.payment.payments.application.Paying;
import dev.ticketing.payment.payments.application.ReadingPayments;
import dev.ticketing.payment.web.Caller;
import dev.ticketing.web.paging.Page;
import dev.ticketing.web.load.Arrival;
import dev.ticketing.web.paging.PageRequest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

/** Paying a held reservation from the balance, and reading a payment back. */
@RestController
@RequestMapping("/api/v1/payments")
class PaymentController {

    static final Endpoint<PaymentResponse> PAYMENTS =
            new Endpoint<>("POST /api/v1/payments", HttpStatus.CREATED, PaymentResponse.class);

    private final Paying paying;
    private final ReadingPayments reading;
    private final IdempotentResponses idempotent;
    private final PaymentTimeBudget budget;

    PaymentController(Paying paying, ReadingPayments reading, IdempotentResponses idempotent,
                      PaymentTimeBudget budget) {
        this.paying = paying;
        this.reading = reading;
        this.idempotent = idempotent;
        this.budget = budget;
    }

    @PostMapping
    @Parameter(name = IdentityHeaders.USER_ID, in = ParameterIn.HEADER, required = true, description = "set by the gateway")
    @Parameter(name = IdentityHeaders.TOKEN_ID, in = ParameterIn.HEADER, required = true, description = "set by the gateway")
    @Parameter(name = IdentityHeaders.CONCERT_ID, in = ParameterIn.HEADER, required = true, description = "set by the gateway")
    ResponseEntity<PaymentResponse> pay(
            @Parameter(hidden = true) Caller caller,
            @Parameter(description = "a repeat with the same key pays once and gets the first answer")
            @RequestHeader(name = IdempotentResponses.KEY_HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody PayRequest request, HttpServletRequest http) {
        PaymentDeadline deadline = budget.deadlineFrom(Arrival.nanos(http));
        PayReservation command = new PayReservation(caller.userId(), caller.requireTokenId(),
                caller.requireConcertId(), request.reservationId());
        return ConnectionDeadline.within(deadline.atNanos(), () -> idempotent.respond(idempotencyKey, caller.userId(),
                PAYMENTS, "reservationId=" + request.reservationId(), () -> paying.check(command, deadline),
                plan -> PaymentResponse.of(paying.complete(plan))));
    }

    /** The caller's payments, newest first. */
    @GetMapping
    @Parameter(name = IdentityHeaders.USER_ID, in = ParameterIn.HEADER, required = true, description = "set by the gateway")
    Page<PaymentListItem> payments(
            @Parameter(hidden = true) Caller caller,
            @Parameter(description = "payments per page, 1 to 100 (default 20)") @RequestParam(required = false) String limit,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor) {
        return reading.paymentsOf(caller.userId(), PageRequest.of(limit, cursor)).map(PaymentListItem::of);
    }

    @GetMapping("/{paymentId}")
    @Parameter(name = IdentityHeaders.USER_ID, in = ParameterIn.HEADER, required = true, description = "set by the gateway")
    PaymentResponse payment(@Parameter(hidden = true) Caller caller, @PathVariable UUID paymentId) {
        return PaymentResponse.of(reading.paymentOf(caller.userId(), paymentId));
    }
}
