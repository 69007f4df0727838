package dev.ticketing.loadtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Picks the concert a run works on, once, before any virtual user starts (plain JDK HTTP, not Gatling).
 * With -Dadmin.key a fresh concert is created with enough dates for every user to find a free seat, so a run
 * never starts on seats sold by the previous one; otherwise -Dconcert.id, otherwise the first listed concert.
 */
final class Catalog {

    private static final Pattern CONCERT_ID = Pattern.compile("\"concertId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    static final int SEATS_PER_DATE = 50;
    private static final long PRICE = 50_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BenchmarkSettings settings;

    Catalog(BenchmarkSettings settings) {
        this.settings = settings;
    }

    /** A concert id for the run; {@code seatsWanted} sizes a fresh concert (0: no seats needed). */
    String concertFor(int seatsWanted) {
        if (settings.concertId() != null) {
            return settings.concertId();
        }
        if (settings.adminKey() != null && seatsWanted > 0) {
            // A quarter more seats than users, so the last users still find free seats without long retry chains.
            return createConcert(Math.max(1, (int) Math.ceil(seatsWanted * 1.25 / SEATS_PER_DATE)));
        }
        HttpResponse<String> listing = send(HttpRequest.newBuilder(uri("/api/v1/concerts")).GET());
        Matcher first = CONCERT_ID.matcher(listing.body());
        if (listing.statusCode() != 200 || !first.find()) {
            throw new IllegalStateException("No concert to benchmark: GET " + uri("/api/v1/concerts") + " answered "
                    + listing.statusCode() + " " + listing.body() + " (is the stack up? ./stack up loads demo concerts)");
        }
        if (seatsWanted > 0) {
            System.out.println("[benchmark] using the first listed concert " + first.group(1) + "; seats sold by earlier"
                    + " runs stay sold (pass -Dadmin.key=... for a fresh concert per run)");
        }
        return first.group(1);
    }

    /** Creates a concert of {@code dates} consecutive dates, each of 50 seats (needs -Dadmin.key). */
    String createConcert(int dates) {
        if (settings.adminKey() == null) {
            throw new IllegalStateException("Creating a concert needs -Dadmin.key (the stack's ADMIN_KEY)");
        }
        LocalDate firstDate = LocalDate.now().plusDays(7);
        String body = "{\"title\":\"Benchmark " + System.currentTimeMillis() + "\",\"venue\":\"Loopback Hall\",\"dates\":["
                + IntStream.range(0, dates)
                        .mapToObj(day -> "{\"date\":\"" + firstDate.plusDays(day) + "\",\"price\":" + PRICE + "}")
                        .collect(Collectors.joining(","))
                + "]}";
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/v1/admin/concerts"))
                .header("Content-Type", "application/json")
                .header("X-Admin-Key", settings.adminKey())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        Matcher id = CONCERT_ID.matcher(created.body());
        if (created.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("Creating the benchmark concert (" + dates + " dates) failed: "
                    + created.statusCode() + " " + created.body());
        }
        System.out.println("[benchmark] created concert " + id.group(1) + " with " + dates + " dates of "
                + SEATS_PER_DATE + " seats at " + PRICE + " KRW");
        return id.group(1);
    }

    private URI uri(String path) {
        return URI.create(settings.catalogUrl() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach " + settings.catalogUrl() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while picking the concert", e);
        }
    }
}
