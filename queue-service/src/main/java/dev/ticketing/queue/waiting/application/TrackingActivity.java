package dev.ticketing.queue.waiting.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Use case: keep track of which ACTIVE fans are still there. Gateways report the requests made with ACTIVE tokens
 * in batches; a token that makes none for the ACTIVE idle timeout is ended at the next admission cycle, which
 * gives its slot to the next in line. A fan holding a seat keeps the slot however long they take to pay: the hold
 * (PAID or HOLD_EXPIRED) ends the token anyway.
 */
@Service
public class TrackingActivity {

    private static final Logger log = LoggerFactory.getLogger(TrackingActivity.class);

    private final QueueStore store;
    private final Clock clock;

    public TrackingActivity(QueueStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Times in the future (a gateway's clock ahead of ours) count as now: a report never extends a slot. */
    public Mono<Long> record(List<TokenActivity> requests) {
        Instant now = clock.instant();
        return store.recordActivity(requests.stream()
                .map(request -> request.at().isAfter(now) ? new TokenActivity(request.tokenId(), now) : request)
                .toList());
    }

    public Mono<Boolean> holdingSeat(UUID tokenId) {
        return store.holdingSeat(tokenId).doOnNext(tracked -> {
            if (tracked) {
                log.info("token_holding_seat token={}", tokenId);
            }
        });
    }
}
