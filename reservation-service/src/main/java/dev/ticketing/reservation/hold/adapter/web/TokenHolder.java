package dev.ticketing.reservation.hold.adapter.web;

import java.util.UUID;

import dev.ticketing.reservation.hold.domain.Holder;

/** A user with an ACTIVE queue token, from the gateway's X-User-Id, X-Concert-Id and X-Token-Id. */
record TokenHolder(UUID userId, UUID concertId, UUID tokenId) {

    Holder holder() {
        return new Holder(userId, tokenId);
    }
}
