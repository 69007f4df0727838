package dev.ticketing.reservation.hold.application;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What this instance knows about seats in a rush, so that the losers are refused without touching the database:
 * the seats it is inserting a hold for right now (only the first request per seat goes on to the INSERT instead of
 * queuing on the unique key's row lock with a connection held), and the seats it found taken in the last
 * {@link #TAKEN_MEMORY} (refused without another query). The database's unique key stays the arbiter between
 * instances.
 *
 * <p>A seat released here (its hold expired or was voided) is forgotten at once; one released by another instance
 * may be refused here for up to {@link #TAKEN_MEMORY} longer, about as stale as the seat map fans see through the
 * gateway's shared cache.
 */
@Component
public class SeatsBeingHeld {

    static final Duration TAKEN_MEMORY = Duration.ofSeconds(1);
    /** Far beyond the seats one instance can see contended within a second; bounds the memory regardless. */
    private static final long MAX_TAKEN = 100_000;

    private final Set<String> inserting = ConcurrentHashMap.newKeySet();
    private final Cache<String, Boolean> taken;

    @Autowired
    public SeatsBeingHeld() {
        this(Ticker.systemTicker());
    }

    SeatsBeingHeld(Ticker ticker) {
        this.taken = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(TAKEN_MEMORY)
                .maximumSize(MAX_TAKEN)
                .build();
    }

    /** @return false when another request of this instance is holding the seat right now */
    public boolean tryStart(String seatKey) {
        return inserting.add(seatKey);
    }

    public void finish(String seatKey) {
        inserting.remove(seatKey);
    }

    /** The seat was found held or sold (or held here just now). */
    public void taken(String seatKey) {
        taken.put(seatKey, Boolean.TRUE);
    }

    /** @return true when the seat was found taken within the last {@link #TAKEN_MEMORY} and not released here since */
    public boolean knownTaken(String seatKey) {
        return taken.getIfPresent(seatKey) != null;
    }

    /** The seat's hold ended here: it may be held again at once. */
    public void released(String seatKey) {
        taken.invalidate(seatKey);
    }
}
