package dev.ticketing.audit;

import static dev.ticketing.audit.Discrepancy.CONCERT;
import static dev.ticketing.audit.Discrepancy.RESERVATION;
import static dev.ticketing.audit.Discrepancy.TOKEN;
import static dev.ticketing.audit.Discrepancy.USER;
import static dev.ticketing.audit.Discrepancy.ids;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.ticketing.audit.AuditFacts.ActiveLine;
import dev.ticketing.audit.AuditFacts.ActiveToken;
import dev.ticketing.audit.AuditFacts.QueueFacts;
import dev.ticketing.audit.AuditFacts.ReservationRow;
import dev.ticketing.audit.Discrepancy.Kind;

/**
 * Invariant 3 and token endings in queue-service's Redis. A reservation names the token that made it
 * ({@code reservation.token_id} is the token's {@code jti}, which is queue-service's token id), so an ACTIVE
 * token can be linked to the reservation whose payment or expiry should have ended it.
 */
final class QueueRules {

    private QueueRules() {
    }

    static List<Discrepancy> check(AuditFacts facts, Judgement judgement) {
        if (facts.queue().isEmpty()) {
            return List.of();
        }
        QueueFacts queue = facts.queue().get();
        Map<String, List<ReservationRow>> byToken = facts.reservations().stream()
                .collect(Collectors.groupingBy(ReservationRow::tokenId));
        List<Discrepancy> found = new ArrayList<>();
        for (ActiveLine line : queue.lines()) {
            if (line.tokens().size() > queue.maxActive()) {
                found.add(new Discrepancy(Kind.QUEUE_OVER_CAPACITY, ids(CONCERT, line.concertId()),
                        "at most " + queue.maxActive() + " ACTIVE tokens", line.tokens().size() + " ACTIVE"));
            }
            for (ActiveToken token : line.tokens()) {
                found.addAll(tokenChecks(line.concertId(), token, byToken.getOrDefault(token.tokenId(), List.of()), judgement));
            }
        }
        return found;
    }

    private static List<Discrepancy> tokenChecks(String concertId, ActiveToken token, List<ReservationRow> reservations,
                                                 Judgement judgement) {
        List<Discrepancy> found = new ArrayList<>();
        if (!"ACTIVE".equals(token.status())) {
            found.add(new Discrepancy(Kind.TOKEN_NOT_ENDED, ids(TOKEN, token.tokenId(), CONCERT, concertId),
                    "only ACTIVE tokens in the ACTIVE line", token.status() == null ? "no token record" : "token " + token.status()));
        } else if (judgement.overdue(token.activeUntil())) {
            found.add(new Discrepancy(Kind.TOKEN_NOT_ENDED, ids(TOKEN, token.tokenId(), CONCERT, concertId),
                    "EXPIRED (TIMEOUT) at activeUntil " + token.activeUntil(), "still ACTIVE, " + judgement.ago(token.activeUntil())));
        }
        reservations.stream()
                .filter(r -> ("CONFIRMED".equals(r.status()) || "EXPIRED".equals(r.status())) && judgement.settled(r.updatedAt()))
                .map(r -> new Discrepancy(Kind.TOKEN_OUTLIVED_RESERVATION,
                        ids(TOKEN, token.tokenId(), CONCERT, concertId, RESERVATION, r.id(), USER, r.userId()),
                        "token EXPIRED (" + ("CONFIRMED".equals(r.status()) ? "PAID" : "HOLD_EXPIRED") + ")",
                        "still ACTIVE; reservation " + r.status() + " " + judgement.ago(r.updatedAt())))
                .forEach(found::add);
        return found;
    }
}
