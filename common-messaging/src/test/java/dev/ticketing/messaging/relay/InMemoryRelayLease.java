package dev.ticketing.messaging.relay;

import java.time.Duration;
import java.time.Instant;

/** A lease in memory, shared by the relays of one test as the lease table or key is by a service's instances. */
public class InMemoryRelayLease implements RelayLease {

    private String owner;
    private Instant expiresAt = Instant.MIN;

    @Override
    public synchronized boolean tryAcquire(String candidate, Duration duration) {
        Instant now = Instant.now();
        if (owner == null || owner.equals(candidate) || expiresAt.isBefore(now)) {
            owner = candidate;
            expiresAt = now.plus(duration);
            return true;
        }
        return false;
    }

    @Override
    public synchronized void release(String candidate) {
        if (candidate.equals(owner)) {
            owner = null;
        }
    }

    public synchronized String owner() {
        return owner;
    }
}
