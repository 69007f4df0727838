package dev.ticketing.infra.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads a few demo concerts through the public admin API (so they pass the same validation as any other),
 * only when the catalog is empty: restarting the stack on kept data does not duplicate them. Calls that fail
 * while the stack settles (5xx, no connection) are retried until the start deadline.
 */
final class DemoCatalog {

    private record DemoConcert(String title, String venue, long price, List<Integer> daysFromToday) {
    }

    private static final List<DemoConcert> CONCERTS = List.of(
            new DemoConcert("Aurora Live in Seoul", "Olympic Hall", 150_000, List.of(14, 15, 16)),
            new DemoConcert("The Midnight Orchestra", "Sejong Center", 99_000, List.of(21, 28)),
            new DemoConcert("Neon Waves Festival", "Jamsil Stadium", 180_000, List.of(30)));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gatewayUrl;
    private final String concertServiceUrl;
    private final String adminKey;
    private final RetryUntilDeadline retry;

    DemoCatalog(String gatewayUrl, String concertServiceUrl, String adminKey, RetryUntilDeadline retry) {
        this.gatewayUrl = gatewayUrl;
        this.concertServiceUrl = concertServiceUrl;
        this.adminKey = adminKey;
        this.retry = retry;
    }

    /** Returns how many concerts it created: none when the catalog already has some. */
    int loadIfEmpty() {
        String listing = retry.call("listing the concerts", this::listing).body();
        if (!listing.isBlank() && !listing.trim().equals("[]")) {
            return 0;
        }
        for (DemoConcert concert : CONCERTS) {
            RetryUntilDeadline.Answer created = retry.call("loading demo concert '" + concert.title() + "'",
                    () -> createUnlessListed(concert));
            if (created.status() != 201) {
                throw new StackFailure("Loading demo concert '" + concert.title() + "' failed with "
                        + created.status() + ": " + created.body());
            }
        }
        return CONCERTS.size();
    }

    private RetryUntilDeadline.Answer listing() throws IOException, InterruptedException {
        RetryUntilDeadline.Answer listing = send(HttpRequest.newBuilder(URI.create(concertServiceUrl + "/api/v1/concerts")).GET());
        if (listing.status() != 200 && listing.status() < 500) {
            throw new StackFailure("concert-service answered " + listing.status() + " to the concert listing: " + listing.body());
        }
        return listing;
    }

    /** An attempt that timed out or answered 5xx may still have created the concert: then it is not created twice. */
    private RetryUntilDeadline.Answer createUnlessListed(DemoConcert concert) throws IOException, InterruptedException {
        RetryUntilDeadline.Answer listing = listing();
        if (listing.status() != 200) {
            return listing;
        }
        if (listing.body().contains("\"title\":\"" + concert.title() + "\"")) {
            return new RetryUntilDeadline.Answer(201, "created by an earlier attempt");
        }
        return send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/admin/concerts"))
                .header("Content-Type", "application/json")
                .header("X-Admin-Key", adminKey)
                .POST(HttpRequest.BodyPublishers.ofString(json(concert))));
    }

    private static String json(DemoConcert concert) {
        LocalDate today = LocalDate.now();
        String dates = concert.daysFromToday().stream()
                .map(days -> "{\"date\":\"" + today.plusDays(days) + "\",\"price\":" + concert.price() + "}")
                .collect(Collectors.joining(","));
        return "{\"title\":\"" + concert.title() + "\",\"venue\":\"" + concert.venue() + "\",\"dates\":[" + dates + "]}";
    }

    private RetryUntilDeadline.Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return new RetryUntilDeadline.Answer(response.statusCode(), response.body());
    }
}
