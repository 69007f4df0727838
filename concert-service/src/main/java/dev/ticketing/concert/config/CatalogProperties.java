package dev.ticketing.concert.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the catalog reads ({@code ticketing.catalog.*}).
 *
 * @param listingCacheTtl how long a seat or date listing is served from an instance's cache: the most a
 *                        listing can lag a seat change applied by another instance. At most 500 ms, so a
 *                        hold or sale shows everywhere well within the 2 s the public contract promises.
 */
@ConfigurationProperties("ticketing.catalog")
public record CatalogProperties(@DefaultValue("500ms") Duration listingCacheTtl) {

    public static final Duration MAX_LISTING_CACHE_TTL = Duration.ofMillis(500);

    public CatalogProperties {
        if (listingCacheTtl.isNegative() || listingCacheTtl.compareTo(MAX_LISTING_CACHE_TTL) > 0) {
            throw new IllegalArgumentException("ticketing.catalog.listing-cache-ttl must be between 0 and "
                    + MAX_LISTING_CACHE_TTL.toMillis() + "ms, was " + listingCacheTtl);
        }
    }
}
