package dev.ticketing.systemtests;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole bad-input corpus (issue 8): malformed requests over every public route and header of DESIGN.md
 * section 4, grouped by what they attack. The listing routes ({@code GET /reservations}, {@code GET /payments},
 * {@code GET /balance/history} with {@code status}, {@code limit}, {@code cursor}) are not implemented yet, so
 * their query parameters have no cases.
 */
final class BadInputCorpus {

    /** A 2 MiB JSON string value: far beyond any legitimate body of this API. */
    static final String TWO_MIB = "x".repeat(2 * 1024 * 1024);

    /** Deeper than any parser should be asked to recurse. */
    static final String DEEP_NESTING = "[".repeat(5_000) + "]".repeat(5_000);

    static final String TWO_TO_THE_63 = "9223372036854775808";

    private BadInputCorpus() {
    }

    static List<BadRequest> all() {
        List<BadRequest> all = new ArrayList<>();
        all.addAll(BadPathsAndMethods.cases());
        all.addAll(BadTokens.cases());
        all.addAll(BadQueueAndCatalogRequests.cases());
        all.addAll(BadBalanceRequests.cases());
        all.addAll(BadBookingRequests.cases());
        all.addAll(BadListingRequests.cases());
        all.addAll(BadAdminRequests.cases());
        all.addAll(BadAnalyticsRequests.cases());
        return all;
    }
}
