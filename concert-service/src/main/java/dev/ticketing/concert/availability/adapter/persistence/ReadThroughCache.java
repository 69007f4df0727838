package dev.ticketing.concert.availability.adapter.persistence;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * A Caffeine cache that loads a missing key once, in the first caller's thread, while concurrent callers of
 * the same key wait for that load (no stampede on a hot key).
 * <p>
 * Asynchronous underneath on purpose: the map holds a future, so the load never runs inside Caffeine's
 * map-bin lock. A synchronous {@code get(key, loader)} would run the database query under a
 * {@code synchronized} block, pinning virtual threads to their carriers on Java 21. It also makes
 * {@link #invalidate} exact: it removes the entry even while its load is in flight, so a load that may have
 * read the old rows never stays cached after an invalidation. A null or failed load caches nothing.
 * Hits and misses are published as Micrometer cache metrics ({@code cache.gets{cache=<name>,result=hit|miss}}).
 */
final class ReadThroughCache<K, V> {

    private final AsyncCache<K, V> cache;

    ReadThroughCache(String name, Duration timeToLive, long maximumSize, MeterRegistry registry) {
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(timeToLive)
                .maximumSize(maximumSize)
                .recordStats()
                .buildAsync();
        CaffeineCacheMetrics.monitor(registry, cache, name);
    }

    /** The cached value, or {@code loader}'s (null: nothing to cache, and null is returned). */
    V get(K key, Function<K, V> loader) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> future = cache.get(key, (k, executor) -> mine);
        if (future == mine) {
            try {
                mine.complete(loader.apply(key));
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    void invalidate(K key) {
        cache.synchronous().invalidate(key);
    }
}
