package dev.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bad-input corpus ({@link BadInputCorpus}) through the gateway: every malformed request gets a 4xx
 * problem+json with {@code status}, {@code title} and {@code code} (never a 2xx, never a 5xx), and changes nothing
 * the fan or anyone else can read back. The read-back runs after every case that writes (so a failure names its
 * request) and after the whole corpus; a case that changed something spoils the fixture, which is then built afresh
 * so later cases still say their own.
 */
class BadInputCorpusIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RawHttp http = new RawHttp(SystemUnderTest.stack().gatewayUrl());
    private CorpusFixture fixture;
    private CorpusFixture.Snapshot baseline;

    @TestFactory
    Stream<DynamicTest> everyMalformedRequestGetsA4xxProblemAndChangesNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (BadRequest bad : BadInputCorpus.all()) {
            tests.add(dynamicTest(bad.toString(), () -> run(bad)));
        }
        tests.add(dynamicTest("after the whole corpus, nothing changes for another 2 seconds", this::nothingChangesLater));
        return tests.stream();
    }

    private void run(BadRequest bad) {
        CorpusFixture current = fixture();
        Map<String, String> values = current.values();
        List<RawHttp.Header> headers = new ArrayList<>(bad.resolvedHeaders(values));
        switch (bad.credentials()) {
            case FAN_TOKEN -> headers.add(new RawHttp.Header("Authorization", current.bearerToken()));
            case ADMIN_KEY -> headers.add(new RawHttp.Header("X-Admin-Key", SystemUnderTest.ADMIN_KEY));
            case NONE -> {
            }
        }
        AssertionError wrongAnswer = null;
        try {
            RawHttp.Response response = http.send(bad.method(), bad.resolvedTarget(values), headers, bad.resolvedBody(values));
            assertIsA4xxProblem(bad, response);
        } catch (AssertionError e) {
            wrongAnswer = e;
        } catch (IllegalStateException noAnswer) {
            wrongAnswer = new AssertionError(noAnswer.getMessage(), noAnswer);
        }
        try {
            if (!bad.method().equals("GET") && !bad.method().equals("HEAD")) {
                assertNothingChanged(bad); // a read changes nothing: the check after the whole corpus covers those
            }
        } catch (AssertionError changed) {
            if (wrongAnswer != null) {
                changed.addSuppressed(wrongAnswer);
            }
            throw changed;
        }
        if (wrongAnswer != null) {
            throw wrongAnswer;
        }
    }

    private static void assertIsA4xxProblem(BadRequest bad, RawHttp.Response response) {
        String answer = "answered " + response.status() + " " + response.header("Content-Type") + " "
                + RawHttp.abbreviate(response.text());
        assertThat(response.status()).as(answer).isBetween(400, 499);
        if (bad.status() != 0) {
            assertThat(response.status()).as(answer).isEqualTo(bad.status());
        }
        assertThat(response.header("Content-Type")).as(answer).startsWith("application/problem+json");
        if (bad.method().equals("HEAD")) {
            return;
        }
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).as(answer).isEqualTo(response.status());
        assertThat(problem.path("title").asString()).as(answer).isNotBlank();
        assertThat(problem.path("code").asString()).as(answer).isNotBlank();
        if (bad.code() != null) {
            assertThat(problem.path("code").asString()).as(answer).isEqualTo(bad.code());
        }
    }

    private void assertNothingChanged(BadRequest bad) {
        CorpusFixture.Snapshot after = fixture.snapshot();
        if (!after.equals(baseline)) {
            fixture = null;
            assertThat(after).as("state after " + bad).isEqualTo(baseline);
        }
    }

    private void nothingChangesLater() {
        CorpusFixture current = fixture();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(current.snapshot()).isEqualTo(baseline));
    }

    private CorpusFixture fixture() {
        if (fixture == null) {
            fixture = CorpusFixture.create();
            baseline = fixture.snapshot();
        }
        return fixture;
    }
}
