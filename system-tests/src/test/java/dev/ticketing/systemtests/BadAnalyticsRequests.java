package dev.ticketing.systemtests;

import static dev.ticketing.systemtests.BadRequest.get;
import static dev.ticketing.systemtests.BadRequest.request;

import java.util.List;

/**
 * analytics-service's admin API: without the key, with a wrong one, and with the key but a concert or window it
 * cannot answer. Read-only, so a case that slipped through would show as a 200 here, never in the snapshot.
 */
final class BadAnalyticsRequests {

    private static final String CONCERTS = "/api/v1/admin/analytics/concerts";
    private static final String NOBODYS = CONCERTS + "/00000000-0000-4000-8000-000000000000";

    private BadAnalyticsRequests() {
    }

    static List<BadRequest> cases() {
        return List.of(
                get("analytics: no key", CONCERTS).expect(401, "ADMIN_KEY_MISSING"),
                get("analytics: wrong key", CONCERTS).header("X-Admin-Key", "guess").expect(403, "ADMIN_KEY_INVALID"),
                get("analytics: a fan's token instead of the key", CONCERTS).withToken()
                        .expect(401, "ADMIN_KEY_MISSING"),
                get("analytics: concert id not a UUID", CONCERTS + "/not-a-uuid").withAdminKey().invalid(),
                get("analytics: concert id with a path traversal", CONCERTS + "/..%2F..%2Fadmin").withAdminKey()
                        .expect(400, null),
                get("analytics: minutes 0", NOBODYS + "?minutes=0").withAdminKey().invalid(),
                get("analytics: minutes above a day", NOBODYS + "?minutes=1441").withAdminKey().invalid(),
                get("analytics: minutes negative", NOBODYS + "?minutes=-5").withAdminKey().invalid(),
                get("analytics: minutes not a number", NOBODYS + "?minutes=all").withAdminKey().invalid(),
                get("analytics: minutes 2^63", NOBODYS + "?minutes=" + BadInputCorpus.TWO_TO_THE_63).withAdminKey()
                        .invalid(),
                get("analytics: a concert nothing was counted for", NOBODYS).withAdminKey()
                        .expect(404, "CONCERT_NOT_FOUND"),
                request("analytics: POST to the figures", "POST", CONCERTS, "{}").withAdminKey().expect(405, null),
                request("analytics: DELETE a concert's figures", "DELETE", NOBODYS, "").withAdminKey()
                        .expect(405, null));
    }
}
