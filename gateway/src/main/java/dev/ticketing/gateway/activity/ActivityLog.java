package dev.ticketing.gateway.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last request of each token since the previous report: one map entry per token, however many requests it
 * made, so memory follows the number of fans, not the request rate. Lock-free on the request path.
 */
public final class ActivityLog {

    private final Map<String, Long> lastRequest = new ConcurrentHashMap<>();

    /** Notes a request; returns how many tokens are noted now. */
    public int note(String tokenId, long atMillis) {
        lastRequest.merge(tokenId, atMillis, Math::max);
        return lastRequest.size();
    }

    /** Takes every noted request out of the log; a request noted meanwhile stays for the next report. */
    public List<Noted> drain() {
        List<Noted> drained = new ArrayList<>(lastRequest.size());
        for (String tokenId : lastRequest.keySet()) {
            Long at = lastRequest.remove(tokenId);
            if (at != null) {
                drained.add(new Noted(tokenId, at));
            }
        }
        return drained;
    }

    public int size() {
        return lastRequest.size();
    }

    public record Noted(String tokenId, long atMillis) {
    }
}
