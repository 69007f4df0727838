package dev.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ticketing.infra.audit.AuditSources;
import dev.ticketing.infra.audit.ConsistencyAudit;
import dev.ticketing.infra.stack.LocalStack;
import dev.ticketing.infra.stack.ServiceName;

/**
 * Two instances of every service and of the gateway ({@link TwoOfEverything}), each fan's requests spread over
 * both gateways: the journey; the admission cap with two queue-services admitting; one winner per seat and one
 * expiry per hold with two reservation-services; one charge per payment with two payment-services; a token ended
 * and refused at both gateways (the distribution printed); one instance of each killed with SIGKILL under load,
 * nothing lost. The kill runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoOfEverythingIT {

    private static final LocalStack STACK = TwoOfEverything.stack();
    private static final List<HttpApi> GATEWAYS = TwoOfEverything.gateways();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration RECOVERY = Duration.ofMinutes(3);
    private static final List<ServiceName> SERVICES = List.of(ServiceName.QUEUE, ServiceName.CONCERT,
            ServiceName.RESERVATION, ServiceName.PAYMENT);

    @Test
    @Order(1)
    void fansCrossingBothGatewaysGetTheirTicketsAndEveryInstanceServes() {
        Concerts.Concert concert = Concerts.create(GATEWAYS.get(0), "two-journey");
        List<Long> gapsMillis = new ArrayList<>();
        List<Long> firstRefusalMillis = new ArrayList<>();
        // Twice the cap: the later fans are admitted as the earlier ones pay.
        for (int fanNumber = 0; fanNumber < 2 * SystemUnderTest.MAX_ACTIVE; fanNumber++) {
            Fan fan = new Fan(GATEWAYS.get(fanNumber % 2)).join(concert.concertId()).awaitActive();
            HttpApi other = GATEWAYS.get((fanNumber + 1) % 2);
            Map<String, String> auth = Map.of("Authorization", "Bearer " + fan.token());
            assertThat(other.post("/api/v1/balance/charges", "{\"amount\":" + Concerts.PRICE + "}",
                    with(auth, "Idempotency-Key", UUID.randomUUID().toString())).status()).isEqualTo(200);
            HttpApi.Response held = fan.hold(concert, fanNumber + 1);
            assertThat(held.status()).as(held.body()).isEqualTo(201);
            String reservationId = held.json().path("reservationId").asString();
            // Twelve JVMs on two cores: the first payment through an instance that has served nothing yet may find
            // reservation-service too slow to answer its claim in time (503, Retry-After, nothing charged). A client
            // sends it again as told, with the same key; the hold (10 s here) outlives that.
            HttpApi.Response paid = other.postFollowingRetryAfter("/api/v1/payments",
                    "{\"reservationId\":\"" + reservationId + "\"}",
                    with(auth, "Idempotency-Key", UUID.randomUUID().toString()), 3);
            assertThat(paid.status()).as(paid.body()).isEqualTo(201);
            long paidAt = System.nanoTime();
            long[] refusedAt = refusedAtBothGateways(auth);
            gapsMillis.add(Duration.ofNanos(Math.abs(refusedAt[0] - refusedAt[1])).toMillis());
            firstRefusalMillis.add(Duration.ofNanos(Math.min(refusedAt[0], refusedAt[1]) - paidAt).toMillis());
            int seat = fanNumber + 1;
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(seatStatus(concert, seat))
                    .isEqualTo("SOLD"));
            assertThat(reservationStatus(reservationId)).isEqualTo("CONFIRMED");
        }
        System.out.println("[two-of-everything] token ended (PAID): from the payment's 201 to the first gateway's refusal,"
                + " ms: " + summary(firstRefusalMillis));
        System.out.println("[two-of-everything] token ended (PAID): gap between the two gateways' first refusals, ms: "
                + summary(gapsMillis));
        // The fastest gateway learns of the end first; the other must follow within a second (the feed's poll).
        assertThat(median(gapsMillis)).as("median gap between the gateways, ms").isLessThan(1_000);
        assertThat(gapsMillis).as("every gap, ms").allSatisfy(gap -> assertThat(gap).isLessThan(5_000));

        for (ServiceName service : SERVICES) {
            for (int replica = 0; replica < TwoOfEverything.REPLICAS; replica++) {
                assertThat(apiRequestsServed(service, replica)).as("API requests %s instance %d served", service, replica)
                        .isPositive();
            }
        }
    }

    @Test
    @Order(2)
    void twoQueueServicesAdmittingNeverExceedTheCap() {
        Concerts.Concert concert = Concerts.create(GATEWAYS.get(0), "two-admission");
        List<Fan> fans = new ArrayList<>();
        IntStream.range(0, 4 * SystemUnderTest.MAX_ACTIVE).forEach(i -> fans.add(new Fan(GATEWAYS.get(i % 2))
                .join(concert.concertId())));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(active(fans)).hasSize(SystemUnderTest.MAX_ACTIVE));
        // Both queue-services keep admitting every second; nobody leaves, so nobody more may be let in.
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(active(fans)).hasSize(SystemUnderTest.MAX_ACTIVE));
        assertThat(active(fans)).as("admitted in join order").containsExactlyElementsOf(fans.subList(0, SystemUnderTest.MAX_ACTIVE));
    }

    @Test
    @Order(3)
    void oneWinnerPerSeatAndOneExpiryPerHoldAcrossTwoReservationServices() throws Exception {
        Concerts.Concert concert = Concerts.create(GATEWAYS.get(1), "two-holds");
        List<Fan> fans = IntStream.range(0, SystemUnderTest.MAX_ACTIVE)
                .mapToObj(i -> new Fan(GATEWAYS.get(i % 2)).join(concert.concertId()).awaitActive()).toList();
        List<HttpApi.Response> answers;
        try (ExecutorService rush = Executors.newFixedThreadPool(fans.size())) {
            answers = fans.stream().map(fan -> CompletableFuture.supplyAsync(() -> fan.hold(concert, 7), rush))
                    .toList().stream().map(CompletableFuture::join).toList();
        }
        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() == 409).hasSize(fans.size() - 1);
        String reservationId = answers.stream().filter(answer -> answer.status() == 201).findFirst().orElseThrow()
                .json().path("reservationId").asString();

        // Unpaid, the hold runs out (HOLD_TTL 10 s in this stack): both instances sweep, one of them expires it, once.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(seatStatus(concert, 7)).isEqualTo("AVAILABLE"));
        assertThat(reservationStatus(reservationId)).isEqualTo("EXPIRED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(eventIds("reservation.events", "HoldExpired", reservationId)).hasSize(1));
        assertThat(eventIds("reservation.events", "ReservationHeld", reservationId)).hasSize(1);
    }

    @Test
    @Order(4)
    void aPaymentSentToBothPaymentServicesAtOnceIsChargedOnce() throws Exception {
        Concerts.Concert concert = Concerts.create(GATEWAYS.get(0), "two-payments");
        Fan fan = new Fan(GATEWAYS.get(0)).join(concert.concertId()).awaitActive();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + fan.token());
        String chargeKey = UUID.randomUUID().toString();
        List<HttpApi.Response> charges = everywhereAtOnce(api -> api.post("/api/v1/balance/charges",
                "{\"amount\":" + Concerts.PRICE + "}", with(auth, "Idempotency-Key", chargeKey)));
        assertThat(charges).extracting(HttpApi.Response::status).contains(200);
        assertThat(fan.balance()).as("one charge, however many instances it was sent to").isEqualTo(Concerts.PRICE);

        HttpApi.Response held = fan.hold(concert, 3);
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        String reservationId = held.json().path("reservationId").asString();
        String paymentKey = UUID.randomUUID().toString();
        List<HttpApi.Response> payments = everywhereAtOnce(api -> api.post("/api/v1/payments",
                "{\"reservationId\":\"" + reservationId + "\"}", with(auth, "Idempotency-Key", paymentKey)));
        List<HttpApi.Response> created = payments.stream().filter(answer -> answer.status() == 201).toList();
        assertThat(created).isNotEmpty();
        assertThat(created).extracting(answer -> answer.json().path("paymentId").asString()).containsOnly(
                created.getFirst().json().path("paymentId").asString());
        assertThat(payments).as("the others are told the same payment is under way or done")
                .allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isIn(201, 409));
        assertThat(count(AuditSources.of(STACK).payment(), "SELECT COUNT(*) FROM payment WHERE reservation_id = ?",
                reservationId)).isEqualTo(1);
        // The token ended with the payment, so the balance is read from payment-service's store.
        assertThat(count(AuditSources.of(STACK).payment(), "SELECT amount FROM balance WHERE user_id = ?",
                fan.userId())).as("charged once, paid once").isZero();
    }

    @Test
    @Order(5)
    void oneInstanceOfEachKilledUnderLoadLosesNothing() {
        List<JourneyLoad> loads = new ArrayList<>();
        for (int gateway = 0; gateway < TwoOfEverything.REPLICAS; gateway++) {
            int which = gateway;
            List<Concerts.Concert> concerts = IntStream.range(0, 3)
                    .mapToObj(i -> Concerts.create(GATEWAYS.get(which), "two-kill")).toList();
            loads.add(JourneyLoad.start(GATEWAYS.get(gateway), concerts, 2));
        }
        JourneyLoad survivor = loads.get(0);
        try {
            await("journeys complete before the kill").atMost(RECOVERY).until(() -> paid(loads) >= 4);
            // The second instance of everything dies at once, the gateway included: the first carries on alone.
            for (ServiceName service : ServiceName.values()) {
                STACK.killInstance(service, 1);
            }
            int paidBeforeRecovery = survivor.paid().size();
            await("journeys through the surviving gateway go on while the others are dead").atMost(RECOVERY)
                    .until(() -> survivor.paid().size() >= paidBeforeRecovery + 2);
            for (ServiceName service : ServiceName.values()) {
                STACK.startInstance(service, 1);
            }
            int paidAfterRestart = paid(loads);
            await("journeys complete after the restart").atMost(RECOVERY).until(() -> paid(loads) >= paidAfterRestart + 2);
        } finally {
            loads.forEach(JourneyLoad::close);
        }

        assertThat(survivor.failures()).as("requests to the surviving gateway that got no answer").isEmpty();
        for (JourneyLoad load : loads) {
            assertThat(load.answers()).as("what clients were answered").filteredOn(answer -> answer.status() >= 500)
                    .allSatisfy(answer -> {
                        assertThat(answer.status()).as(answer.toString()).isIn(503, 504);
                        assertThat(answer.problem()).as(answer.toString()).isTrue();
                    });
        }
        long serverErrors = survivor.answers().stream().filter(answer -> answer.status() >= 500).count();
        System.out.println("[two-of-everything] kill -9 of one instance of each: " + survivor.answers().size()
                + " answers through the surviving gateway, " + serverErrors + " of them 503/504; paid "
                + survivor.paid().size() + " + " + loads.get(1).paid().size());
        await("the audit is clean").atMost(RECOVERY).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(ConsistencyAudit.run(AuditSources.of(STACK), Duration.ofSeconds(5),
                        Clock.systemUTC()).discrepancies()).isEmpty());
        List<JourneyLoad.Paid> paid = loads.stream().flatMap(load -> load.paid().stream()).toList();
        await("every payment answered 201 keeps its seat").atMost(RECOVERY).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(StoreQueries.lostPayments(AuditSources.of(STACK), paid)).isEmpty());
    }

    /** Polls a gateway-checked route at both gateways until each refuses the ended token; when each did (nanos). */
    private static long[] refusedAtBothGateways(Map<String, String> auth) {
        long[] refusedAtNanos = new long[GATEWAYS.size()];
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && (refusedAtNanos[0] == 0 || refusedAtNanos[1] == 0)) {
            for (int gateway = 0; gateway < GATEWAYS.size(); gateway++) {
                if (refusedAtNanos[gateway] == 0 && GATEWAYS.get(gateway).get("/api/v1/balance", auth).status() == 401) {
                    refusedAtNanos[gateway] = System.nanoTime();
                }
            }
        }
        assertThat(refusedAtNanos).as("the ended token refused at both gateways").doesNotContain(0L);
        return refusedAtNanos;
    }

    private static String reservationStatus(String reservationId) {
        return StoreQueries.single(AuditSources.of(STACK).reservation(), "SELECT status FROM reservation WHERE id = ?",
                reservationId);
    }

    /**
     * The seat as concert-service's read model has it, from its store: the listing needs an ACTIVE token, and the
     * fans here have ended theirs (paid, or the hold ran out).
     */
    private static String seatStatus(Concerts.Concert concert, int seatNumber) {
        AuditSources.Database concerts = AuditSources.of(STACK).concert();
        try (Connection connection = DriverManager.getConnection(concerts.jdbcUrl(), concerts.user(), concerts.password());
             PreparedStatement statement = connection.prepareStatement("SELECT s.status FROM seat s JOIN concert_date d"
                     + " ON d.id = s.schedule_id WHERE d.concert_id = ? AND d.date = ? AND s.seat_number = ?")) {
            statement.setString(1, concert.concertId());
            statement.setObject(2, concert.date());
            statement.setInt(3, seatNumber);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("seat %d of %s", seatNumber, concert).isTrue();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + concerts + ": " + e.getMessage(), e);
        }
    }

    /** Polls every fan (through the gateway each joined at) and returns those that are ACTIVE, in join order. */
    private static List<Fan> active(List<Fan> fans) {
        List<Fan> active = new ArrayList<>();
        for (Fan fan : fans) {
            HttpApi.Response response = fan.poll();
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            if ("ACTIVE".equals(response.json().path("status").asString())) {
                active.add(fan);
            }
        }
        return active;
    }

    /** The same request twice through each gateway at the same moment. */
    private static List<HttpApi.Response> everywhereAtOnce(java.util.function.Function<HttpApi, HttpApi.Response> request) {
        try (ExecutorService senders = Executors.newFixedThreadPool(2 * GATEWAYS.size())) {
            List<CompletableFuture<HttpApi.Response>> sent = new ArrayList<>();
            for (int copy = 0; copy < 2; copy++) {
                for (HttpApi gateway : GATEWAYS) {
                    sent.add(CompletableFuture.supplyAsync(() -> request.apply(gateway), senders));
                }
            }
            return sent.stream().map(CompletableFuture::join).toList();
        }
    }

    /** Distinct event ids of one type on a topic whose payload names the reservation. */
    private static Set<String> eventIds(String topic, String eventType, String reservationId) {
        Properties config = new Properties();
        config.put("bootstrap.servers", "127.0.0.1:" + STACK.settings().ports().kafka());
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode event = JSON.readTree(record.value());
                    if (eventType.equals(event.path("eventType").asString())
                            && reservationId.equals(event.path("payload").path("reservationId").asString())) {
                        ids.add(event.path("eventId").asString());
                    }
                }
            }
        }
        return ids;
    }

    /** API requests one instance has answered, from its own {@code http_server_requests} counter. */
    private static double apiRequestsServed(ServiceName service, int replica) {
        String url = STACK.settings().urlOf(service, replica) + "/actuator/prometheus";
        try {
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher counts = Pattern.compile("(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"/api/[^}]*} (\\S+)$")
                    .matcher(metrics);
            double total = 0;
            while (counts.find()) {
                total += Double.parseDouble(counts.group(1));
            }
            return total;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int paid(List<JourneyLoad> loads) {
        return loads.stream().mapToInt(load -> load.paid().size()).sum();
    }

    private static long count(AuditSources.Database database, String sql, String id) {
        return Long.parseLong(StoreQueries.single(database, sql, id));
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put(name, value);
        return all;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String summary(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return "n=" + sorted.size() + " min=" + sorted.getFirst() + " median=" + median(sorted) + " max="
                + sorted.getLast() + " all=" + sorted;
    }
}
