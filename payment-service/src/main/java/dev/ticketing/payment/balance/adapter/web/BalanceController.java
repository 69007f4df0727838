package dev.ticketing.payment.balance.adapter.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.identity.IdentityHeaders;
import dev.ticketing.payment.balance.application.ChargeBalance;
import dev.ticketing.payment.balance.application.Charging;
import dev.ticketing.payment.balance.application.ReadingBalance;
import dev.ticketing.payment.balance.application.ReadingBalanceHistory;
import dev.ticketing.payment.config.ConnectionDeadline;
import dev.ticketing.payment.idempotency.adapter.web.IdempotentResponses;
import dev.ticketing.payment.idempotency.adapter.web.IdempotentResponses.Endpoint;
import dev.ticketing.payment.payments.application.PaymentDeadline;
import dev.ticketing.payment.payments.application.PaymentTimeBudget;
import dev.ticketing.payment.web.Caller;
import dev.ticketing.web.load.Arrival;
import dev.ticketing.web.paging.Page;
import dev.ticketing.web.paging.PageRequest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

/** A user's balance: read it, charge it. Any valid queue token will do (the gateway checks it). */
@RestController
@RequestMapping("/api/v1/balance")
class BalanceController {

    static final Endpoint<BalanceResponse> CHARGES =
            new Endpoint<>("POST /api/v1/balance/charges", HttpStatus.OK, BalanceResponse.class);

    private final ReadingBalance reading;
    private final ReadingBalanceHistory history;
    private final Charging charging;
    private final IdempotentResponses idempotent;
    private final PaymentTimeBudget budget;

    BalanceController(ReadingBalance reading, ReadingBalanceHistory history, Charging charging,
                      IdempotentResponses idempotent, PaymentTimeBudget budget) {
        this.reading = reading;
        this.history = history;
        this.charging = charging;
        this.idempotent = idempotent;
        this.budget = budget;
    }

    @GetMapping
    @Parameter(name = IdentityHeaders.USER_ID, in = ParameterIn.HEADER, required = true, description = "set by the gateway")
    BalanceResponse balance(@Parameter(hidden = true) Caller caller) {
        return new BalanceResponse(reading.balanceOf(caller.userId()).won());
    }

    /** Every charge, payment and refund, newest first; the amounts of all pages add up to the balance. */
    @GetMapping("/history")
    @Parameter(name = IdentityHeaders.USER_ID, in = ParameterIn.HEADER, required = true, description = "set by the gateway")
    Page<BalanceEntryResponse> history(
            @Parameter(hidden = true) Caller caller,
            @Parameter(description = "entries per page, 1 to 100 (default 20)") @RequestParam(required = false) String limit,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor) {
        return history.historyOf(caller.userId(), PageRequest.of(limit, cursor)).map(BalanceEntryResponse::of);
    }

    @PostMapping("/charges")
    @Parameter(name = IdentityHeaders.USER_ID, in = ParameterIn.HEADER, required = true, description = "set by the gateway")
    ResponseEntity<BalanceResponse> charge(
            @Parameter(hidden = true) Caller caller,
            @Parameter(description = "a repeat with the same key charges once and gets the first answer")
            @RequestHeader(name = IdempotentResponses.KEY_HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody ChargeRequest request, HttpServletRequest http) {
        PaymentDeadline deadline = budget.deadlineFrom(Arrival.nanos(http));
        ChargeBalance command = new ChargeBalance(caller.userId(), request.amount());
        return ConnectionDeadline.within(deadline.atNanos(), () -> idempotent.respond(idempotencyKey, caller.userId(),
                CHARGES, "amount=" + request.amount(), () -> charging.check(command, deadline),
                charge -> new BalanceResponse(charging.charge(charge).balanceAfter())));
    }
}
