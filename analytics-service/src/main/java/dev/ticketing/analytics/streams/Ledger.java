package dev.ticketing.analytics.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the reservation stage knows of one reservation: the concert date it is for (from any reservation event),
 * the ids of the events already counted (a redelivery has the same id), and payment facts that arrived before the
 * reservation's first event told their date (topics are not ordered with each other).
 */
record Ledger(String concertId, long scheduleId, String date, Set<UUID> counted, List<Fact> waiting,
              Instant lastSeen) {

    static Ledger empty() {
        return new Ledger(null, 0, null, Set.of(), List.of(), null);
    }

    boolean placed() {
        return concertId != null && scheduleId > 0;
    }

    boolean hasCounted(UUID eventId) {
        return counted.contains(eventId);
    }

    Ledger counting(UUID eventId, Instant now) {
        Set<UUID> ids = new HashSet<>(counted);
        ids.add(eventId);
        return new Ledger(concertId, scheduleId, date, ids, waiting, now);
    }

    Ledger placedBy(Fact fact) {
        return new Ledger(fact.concertId(), fact.scheduleId(), fact.date(), counted, List.of(), lastSeen);
    }

    Ledger waitingFor(Fact payment) {
        List<Fact> facts = new ArrayList<>(waiting);
        facts.add(payment);
        return new Ledger(concertId, scheduleId, date, counted, facts, lastSeen);
    }

    Fact place(Fact fact) {
        return fact.placedAt(concertId, scheduleId, date);
    }
}
