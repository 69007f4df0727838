package dev.ticketing.reservation.hold.adapter.web;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.identity.IdentityHeaders;
import dev.ticketing.reservation.hold.application.FindingReservation;
import dev.ticketing.reservation.hold.application.HoldSeat;
import dev.ticketing.reservation.hold.application.HoldingSeat;
import dev.ticketing.reservation.hold.application.ListingReservations;
import dev.ticketing.reservation.hold.domain.Reservation;
import dev.ticketing.reservation.hold.domain.ReservationId;
import dev.ticketing.reservation.hold.domain.ReservationStatus;
import dev.ticketing.reservation.hold.domain.SeatNumber;
import dev.ticketing.web.paging.Page;
import dev.ticketing.web.paging.PageRequest;

/** The public reservation API, reached through the gateway (which has checked the queue token). */
@RestController
@RequestMapping("/api/v1/reservations")
class ReservationController {

    private final HoldingSeat holdingSeat;
    private final FindingReservation findingReservation;
    private final ListingReservations listingReservations;

    ReservationController(HoldingSeat holdingSeat, FindingReservation findingReservation,
                          ListingReservations listingReservations) {
        this.holdingSeat = holdingSeat;
        this.findingReservation = findingReservation;
        this.listingReservations = listingReservations;
    }

    @PostMapping
    @Parameter(name = IdentityHeaders.USER_ID, in = ParameterIn.HEADER, required = true)
    @Parameter(name = IdentityHeaders.CONCERT_ID, in = ParameterIn.HEADER, required = true)
    @Parameter(name = IdentityHeaders.TOKEN_ID, in = ParameterIn.HEADER, required = true)
    ResponseEntity<ReservationView> hold(@Parameter(hidden = true) TokenHolder caller, @Valid @RequestBody HoldRequest request) {
        Reservation held = holdingSeat.hold(new HoldSeat(caller.holder(), caller.concertId(), request.concertId(),
                request.date(), new SeatNumber(request.seatNumber())));
        return ResponseEntity.created(URI.create("/api/v1/reservations/" + held.id())).body(ReservationView.of(held));
    }

    /** The caller's reservations, newest first: how a fan finds a ticket again without its id. */
    @GetMapping
    @Parameter(name = IdentityHeaders.USER_ID, in = ParameterIn.HEADER, required = true)
    Page<ReservationListItem> list(
            @Parameter(hidden = true) Caller caller,
            @Parameter(description = "only reservations with this status") @RequestParam(required = false)
            ReservationStatus status,
            @Parameter(description = "reservations per page, 1 to 100 (default 20)") @RequestParam(required = false)
            String limit,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor) {
        return listingReservations.reservationsOf(caller.userId(), Optional.ofNullable(status),
                PageRequest.of(limit, cursor)).map(ReservationListItem::of);
    }

    @GetMapping("/{reservationId}")
    @Parameter(name = IdentityHeaders.USER_ID, in = ParameterIn.HEADER, required = true)
    ReservationView get(@Parameter(hidden = true) Caller caller, @PathVariable UUID reservationId) {
        return ReservationView.of(findingReservation.ownedBy(new ReservationId(reservationId), caller.userId()));
    }
}
