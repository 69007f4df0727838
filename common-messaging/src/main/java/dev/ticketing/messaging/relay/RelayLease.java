package dev.ticketing.messaging.relay;

import java.time.Duration;

/**
 * The right to relay a store, held by one instance of a service at a time, so that one sender publishes the
 * events in order. The holder renews it every round; if it dies, another instance takes over once the lease
 * lapses; when it stops, it gives the lease up. The relay brings its instance name and the lease duration
 * ({@code ticketing.messaging.relay.*}); an implementation only stores them.
 */
public interface RelayLease {

    /** Takes the lease for {@code duration} if it is free or lapsed, or renews it if {@code owner} holds it; true if held now. */
    boolean tryAcquire(String owner, Duration duration);

    /** Gives the lease up if {@code owner} holds it, so another instance takes over at once. */
    void release(String owner);
}
