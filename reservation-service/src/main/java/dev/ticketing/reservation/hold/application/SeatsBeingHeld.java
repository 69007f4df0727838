package dev.ticketing.reservation.hold.application;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The seats this instance is inserting a hold for right now. In a rush on one seat only the first request per
 * instance goes on to the INSERT; the others are refused at once instead of queuing on the unique key's row lock
 * (and holding a connection meanwhile). The database's unique key stays the arbiter between instances.
 */
@Component
public class SeatsBeingHeld {

    private final Set<String> seats = ConcurrentHashMap.newKeySet();

    /** @return false when another request of this instance is holding the seat right now */
    public boolean tryStart(String seatKey) {
        return seats.add(seatKey);
    }

    public void finish(String seatKey) {
        seats.remove(seatKey);
    }
}
