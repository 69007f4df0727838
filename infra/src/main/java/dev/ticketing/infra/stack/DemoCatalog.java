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
 * only when the catalog is empty: restarting the stack on kept data does not duplicate them.
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

    DemoCatalog(String gatewayUrl, String concertServiceUrl, String adminKey) {
        this.gatewayUrl = gatewayUrl;
        this.concertServiceUrl = concertServiceUrl;
        this.adminKey = adminKey;
    }

    /** Returns how many concerts it created: none when the catalog already has some. */
    int loadIfEmpty() {
        HttpResponse<String> listing = send(HttpRequest.newBuilder(URI.create(concertServiceUrl + "/api/v1/concerts")).GET());
        if (listing.statusCode() != 200) {
            throw new StackException("concert-service answered " + listing.statusCode() + " to the concert listing: " + listing.body());
        }
        if (!listing.body().isBlank() && !listing.body().trim().equals("[]")) {
            return 0;
        }
        for (DemoConcert concert : CONCERTS) {
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/admin/concerts"))
                    .header("Content-Type", "application/json")
                    .header("X-Admin-Key", adminKey)
                    .POST(HttpRequest.BodyPublishers.ofString(json(concert))));
            if (created.statusCode() != 201) {
                throw new StackException("Loading demo concert '" + concert.title() + "' failed with "
                        + created.statusCode() + ": " + created.body());
            }
        }
        return CONCERTS.size();
    }

    private static String json(DemoConcert concert) {
        LocalDate today = LocalDate.now();
        String dates = concert.daysFromToday().stream()
                .map(days -> "{\"date\":\"" + today.plusDays(days) + "\",\"price\":" + concert.price() + "}")
                .collect(Collectors.joining(","));
        return "{\"title\":\"" + concert.title() + "\",\"venue\":\"" + concert.venue() + "\",\"dates\":[" + dates + "]}";
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StackException("Could not load the demo concerts: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while loading the demo concerts", e);
        }
    }
}
