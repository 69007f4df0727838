package dev.ticketing.analytics.streams;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * What the token stage knows of one fan's queue token: its concert, when its holder joined the line, which funnel
 * steps it has reached (each counted once), and the queue events already counted.
 */
record Journey(String concertId, Instant joinedAt, boolean joined, boolean admitted, boolean abandoned, boolean held,
               boolean paid, Instant paidAt, boolean purchaseTimed, Set<UUID> counted, Instant lastSeen) {

    static Journey unknown() {
        return new Journey(null, null, false, false, false, false, false, null, false, Set.of(), null);
    }

    boolean hasCounted(UUID eventId) {
        return eventId != null && counted.contains(eventId);
    }

    Journey learning(Fact fact, Instant now) {
        Set<UUID> ids = counted;
        if (fact.eventId() != null) {
            ids = new HashSet<>(counted);
            ids.add(fact.eventId());
        }
        return new Journey(concertId != null ? concertId : fact.concertId(),
                joinedAt != null ? joinedAt : fact.joinedAt(), joined, admitted, abandoned, held, paid, paidAt,
                purchaseTimed, ids, now);
    }

    Journey withJoined() {
        return new Journey(concertId, joinedAt, true, admitted, abandoned, held, paid, paidAt, purchaseTimed, counted,
                lastSeen);
    }

    Journey withAdmitted() {
        return new Journey(concertId, joinedAt, joined, true, abandoned, held, paid, paidAt, purchaseTimed, counted,
                lastSeen);
    }

    Journey withAbandoned() {
        return new Journey(concertId, joinedAt, joined, admitted, true, held, paid, paidAt, purchaseTimed, counted,
                lastSeen);
    }

    Journey withHeld() {
        return new Journey(concertId, joinedAt, joined, admitted, abandoned, true, paid, paidAt, purchaseTimed, counted,
                lastSeen);
    }

    Journey withPaid(Instant at) {
        return new Journey(concertId, joinedAt, joined, admitted, abandoned, held, true, at, purchaseTimed, counted,
                lastSeen);
    }

    Journey withPurchaseTimed() {
        return new Journey(concertId, joinedAt, joined, admitted, abandoned, held, paid, paidAt, true, counted,
                lastSeen);
    }
}
