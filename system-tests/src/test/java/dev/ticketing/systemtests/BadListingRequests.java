package dev.ticketing.systemtests;

import static dev.ticketing.systemtests.BadRequest.get;

import java.util.ArrayList;
import java.util.List;

/** The fan's listings asked for with a limit, cursor or status they cannot serve. */
final class BadListingRequests {

    private static final List<String> LISTINGS = List.of("/api/v1/reservations", "/api/v1/payments",
            "/api/v1/balance/history");

    private BadListingRequests() {
    }

    static List<BadRequest> cases() {
        List<BadRequest> cases = new ArrayList<>();
        for (String listing : LISTINGS) {
            cases.add(page(listing, "limit zero", "limit=0"));
            cases.add(page(listing, "limit above 100", "limit=101"));
            cases.add(page(listing, "negative limit", "limit=-5"));
            cases.add(page(listing, "fractional limit", "limit=1.5"));
            cases.add(page(listing, "limit not a number", "limit=twenty"));
            cases.add(page(listing, "limit of 2^63", "limit=9223372036854775808"));
            cases.add(page(listing, "empty cursor", "cursor="));
            cases.add(page(listing, "cursor not base64", "cursor=%25%25%25"));
            cases.add(page(listing, "cursor of nothing handed out", "cursor=bm90LWEtY3Vyc29y"));
            cases.add(page(listing, "cursor of another position format", "cursor=MTpub3QtYS1wb3NpdGlvbg"));
        }
        cases.add(page("/api/v1/reservations", "unknown status", "status=PAID"));
        cases.add(page("/api/v1/reservations", "lower-case status", "status=held"));
        return cases;
    }

    private static BadRequest page(String listing, String what, String query) {
        return get("list " + listing + ": " + what, listing + "?" + query).withToken().invalid();
    }
}
