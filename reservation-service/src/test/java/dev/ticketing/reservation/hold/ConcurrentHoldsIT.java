package dev.ticketing.reservation.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.ticketing.reservation.testing.CatalogStub;
import dev.ticketing.reservation.testing.CatalogStub.ConcertDate;
import dev.ticketing.reservation.testing.Fan;
import dev.ticketing.reservation.testing.ReservationIntegrationTest;
import dev.ticketing.reservation.testing.SecondInstance;

/** DESIGN.md invariant 1: one seat, many instances, many fans at once, exactly one hold. */
@ReservationIntegrationTest
class ConcurrentHoldsIT {

    private static final int FANS = 200;
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${local.server.port}")
    int port;

    @Test
    void twoHundredFansRacingForOneSeatOnTwoInstancesGetExactlyOneHoldAndNoServerError() throws Exception {
        ConcertDate date = CatalogStub.get().openDate();
        List<String> outcomes = new ArrayList<>();
        try (SecondInstance second = SecondInstance.besides(context);
             HttpClient client = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
             ExecutorService fans = Executors.newVirtualThreadPerTaskExecutor()) {
            int[] ports = {port, second.port()};
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < FANS; i++) {
                HttpRequest request = holdRequest(ports[i % 2], Fan.admittedTo(date.concertId()), date, 25);
                answers.add(fans.submit(() -> {
                    start.await();
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 409 ? "409 " + codeOf(response.body()) : "" + response.statusCode();
                }));
            }
            start.countDown();
            for (Future<String> answer : answers) {
                outcomes.add(answer.get());
            }
        }

        Map<String, Long> byOutcome = outcomes.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(byOutcome).containsExactlyInAnyOrderEntriesOf(Map.of("201", 1L, "409 SEAT_UNAVAILABLE", FANS - 1L));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservation WHERE schedule_id = ? AND seat_number = 25",
                Integer.class, Long.toString(date.scheduleId()))).isEqualTo(1);
    }

    private static String codeOf(String problem) {
        Matcher code = CODE.matcher(problem);
        return code.find() ? code.group(1) : "no code in " + problem;
    }

    private static HttpRequest holdRequest(int port, Fan fan, ConcertDate date, int seat) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reservations"))
                .header("Content-Type", "application/json")
                .header("X-User-Id", fan.userId().toString())
                .header("X-Concert-Id", fan.concertId().toString())
                .header("X-Token-Id", fan.tokenId().toString())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"concertId":"%s","date":"%s","seatNumber":%d}""".formatted(date.concertId(), date.date(), seat)))
                .build();
    }
}
