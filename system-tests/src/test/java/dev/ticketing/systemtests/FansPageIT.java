package dev.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import dev.ticketing.infra.stack.ServiceName;

/**
 * The fans' page in a real headless Chromium against the whole stack: the journey from the concert list to a
 * confirmed ticket, a sold seat and one taken under the fan's eyes, a hold left to run out, and a reload in the
 * waiting room, in English on a desktop and in Korean on a phone. Each step leaves a screenshot in
 * {@code target/fans-page/} for review.
 */
class FansPageIT {

    private static final By SEE_SEATS = By.cssSelector("button[data-go^='#/seats/']");

    @Test
    void aFanGoesFromTheConcertListToAConfirmedTicket() {
        Concerts.Concert concert = Concerts.create("fans-page");
        try (Browser browser = Browser.open("journey", 1280, 900)) {
            browser.awaitHeading("Concerts on sale");
            browser.click(joinButton(concert));
            browser.awaitHeading("Pick a date");
            browser.screenshot("dates");
            browser.click(SEE_SEATS);
            browser.awaitHeading("Pick a seat");
            assertThat(browser.driver().findElements(By.cssSelector("#seats button.seat"))).hasSize(50);
            browser.screenshot("seat-map");

            browser.click(seat(7));
            browser.awaitHeading("Seat 7 is held for you");
            assertThat(browser.await(By.id("countdown")).getText()).matches("\\d:\\d\\d");
            browser.click(By.cssSelector("#charge button[type=submit]"));
            browser.until(d -> d.findElement(By.id("balance")).getText().contains("50,000") ? true : null);
            browser.screenshot("hold");
            browser.click(By.id("pay"));
            browser.awaitHeading("Payment complete");
            browser.until(d -> d.findElement(By.id("ticket-status")).getText().contains("Confirmed: seat 7 is yours")
                    ? true : null);
            browser.screenshot("confirmed");

            assertThat(new Fan().join(concert.concertId()).awaitActive().seatStatus(concert, 7)).isEqualTo("SOLD");
            assertThat(balanceOf(userOf(browser), concert)).as("charged once, paid once").isZero();
        }
    }

    @Test
    void aSoldSeatCannotBePickedAndOneSoldMeanwhileSendsTheFanToAnother() {
        Concerts.Concert concert = Concerts.create("fans-page-taken");
        Fan buyer = new Fan().join(concert.concertId()).awaitActive();
        assertThat(buyer.charge(Concerts.PRICE).status()).isEqualTo(200);
        String reservation = buyer.hold(concert, 3).json().path("reservationId").asString();
        assertThat(buyer.pay(reservation).status()).isEqualTo(201);
        Fan rival = new Fan().join(concert.concertId()).awaitActive();
        assertThat(rival.charge(Concerts.PRICE).status()).isEqualTo(200);

        try (Browser browser = atTheSeatMap("taken", concert)) {
            browser.until(d -> {
                WebElement sold = d.findElement(seat(3));
                return sold.getDomAttribute("class").contains("SOLD") && !sold.isEnabled()
                        && sold.getDomAttribute("aria-label").equals("Seat 3, sold, ₩50,000") ? true : null;
            });

            // Bought while the fan looks at the map: a hold alone would run out (HOLD_TTL is 3 s here) before the check.
            String rivals = rival.hold(concert, 4).json().path("reservationId").asString();
            assertThat(rival.pay(rivals).status()).isEqualTo(201);
            browser.click(seat(4));
            browser.awaitProblem("Someone else just took that seat.");
            browser.screenshot("seat-taken");
            browser.click(By.id("problem-action"));
            browser.until(d -> {
                WebElement taken = d.findElement(seat(4));
                return taken.getDomAttribute("class").contains("SOLD") && !taken.isEnabled() ? true : null;
            });
            browser.screenshot("seat-map-sold");
        }
    }

    @Test
    void aHoldLeftUnpaidRunsOutAndTheFanIsLedBackToTheLine() {
        Concerts.Concert concert = Concerts.create("fans-page-expiry");
        try (Browser browser = atTheSeatMap("expiry", concert)) {
            browser.click(seat(12));
            browser.awaitHeading("Seat 12 is held for you");
            browser.click(By.id("pay"));
            browser.awaitProblem("Your balance is too low");
            browser.screenshot("not-enough-balance");

            browser.awaitProblem("Your hold ran out before payment");
            assertThat(browser.await(By.id("countdown")).getText()).isEqualTo("0:00");
            browser.screenshot("hold-expired");
            // queue-service ends the token once reservation-service's expiry sweep has announced the lapsed hold.
            String token = (String) browser.script("return JSON.parse(localStorage.getItem('ticketing.session')).token");
            await().atMost(Duration.ofSeconds(30)).until(() -> SystemUnderTest.api().get("/api/v1/queue/tokens/me",
                    Map.of("Authorization", "Bearer " + token)).status() == 401);
            browser.click(By.id("problem-action"));
            browser.awaitProblem("Your place in the queue has ended");
            browser.click(By.id("problem-action"));
            browser.awaitHeading("Pick a date");
        }
    }

    @Test
    void aReloadOrAReopenedSiteInTheWaitingRoomKeepsThePlaceInKoreanOnAPhone() {
        Concerts.Concert concert = Concerts.create("fans-page-queue");
        List<Fan> admitted = new ArrayList<>();
        for (int i = 0; i < SystemUnderTest.MAX_ACTIVE; i++) {
            admitted.add(new Fan().join(concert.concertId()).awaitActive());
        }
        try (Browser browser = Browser.open("queue", 390, 844)) {
            browser.click(By.id("language"));
            browser.awaitHeading("예매 중인 공연");
            assertThat(browser.script("return document.documentElement.lang")).isEqualTo("ko");
            browser.click(By.cssSelector("button[aria-label='" + concert.title() + " 대기열 참여']"));
            browser.awaitHeading("대기실");
            browser.until(d -> d.findElement(By.id("position")).getText().equals("1") ? true : null);
            Object token = browser.script("return JSON.parse(localStorage.getItem('ticketing.session')).token");
            browser.screenshot("waiting-room");

            browser.reload();
            browser.awaitHeading("대기실");
            browser.until(d -> d.findElement(By.id("position")).getText().equals("1") ? true : null);
            assertThat(browser.script("return JSON.parse(localStorage.getItem('ticketing.session')).token"))
                    .as("the same place after a reload").isEqualTo(token);
            assertThat(browser.driver().findElement(By.id("announcer")).getDomAttribute("aria-live")).isEqualTo("polite");

            // The tab closed and the site opened again at its address: straight back to the same place in line.
            browser.driver().get("about:blank");
            browser.driver().get(SystemUnderTest.stack().gatewayUrl() + "/");
            browser.awaitHeading("대기실");
            browser.until(d -> d.findElement(By.id("position")).getText().equals("1") ? true : null);

            // One of the admitted walks away from a hold: when it runs out their slot is free, and the line moves.
            assertThat(admitted.getFirst().hold(concert, 1).status()).isEqualTo(201);
            browser.awaitHeading("날짜 선택");
            browser.click(SEE_SEATS);
            browser.awaitHeading("좌석 선택");
            browser.screenshot("seat-map-ko");
        }
    }

    @Test
    void theSeatMapWorksFromTheKeyboardAndEveryControlHasAName() {
        Concerts.Concert concert = Concerts.create("fans-page-keyboard");
        try (Browser browser = Browser.open("keyboard", 1280, 900)) {
            browser.click(joinButton(concert));
            browser.awaitHeading("Pick a date");
            assertThat(browser.script("return document.activeElement.tagName")).as("focus on the new view's heading")
                    .isEqualTo("H1");
            browser.click(SEE_SEATS);
            browser.awaitHeading("Pick a seat");
            assertThat(browser.script(UNNAMED_CONTROLS)).as("controls without an accessible name").isEqualTo(0L);

            browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
            assertThat(browser.script("return document.activeElement.dataset.seat")).isEqualTo("1");
            browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
            browser.awaitHeading("Seat 1 is held for you");
            assertThat(browser.script("return document.activeElement.tagName")).isEqualTo("H1");
            assertThat(browser.script(UNNAMED_CONTROLS)).as("controls without an accessible name").isEqualTo(0L);
            assertThat(browser.await(By.id("countdown")).getDomAttribute("role")).isEqualTo("timer");
        }
    }

    @Test
    void aServiceThatIsAwayIsWaitedOutAsItsRetryAfterSaysAndThePageComesBackByItself() {
        Concerts.Concert concert = Concerts.create("fans-page-busy");
        try (Browser browser = atTheSeatMap("busy", concert)) {
            SystemUnderTest.stack().stopService(ServiceName.CONCERT);
            try {
                browser.awaitProblem("The service is busy");
                long before = seatRequests(browser);
                long started = System.nanoTime();
                browser.screenshot("busy");
                LockSupport.parkNanos(Duration.ofSeconds(10).toNanos());
                double seconds = (System.nanoTime() - started) / 1e9;
                // The gateway says Retry-After 1 s (5 s once the breaker is open): at most one request a second.
                assertThat(seatRequests(browser) - before).as("seat requests in %.1f s of outage", seconds)
                        .isBetween(1L, (long) Math.ceil(seconds) + 1);
            } finally {
                SystemUnderTest.stack().startService(ServiceName.CONCERT);
                // The outage opened the gateway's breaker for concert-service: the tests after this one need its
                // routes back, not only the page, and the page's own requests made while the service was still
                // starting may have opened it once more.
                GatewayBreakers.awaitRoutesBack(ServiceName.CONCERT, "/api/v1/concerts");
            }
            browser.until(d -> d.findElement(By.id("problem")).isDisplayed() ? null : true);
            assertThat(browser.driver().findElements(By.cssSelector("#seats button.seat"))).hasSize(50);
        }
    }

    /** Buttons, inputs and timers with neither text, an aria-label, nor a label element: none is allowed. */
    private static final String UNNAMED_CONTROLS = """
            return Array.from(document.querySelectorAll('button, input, [role=timer], progress')).filter(el =>
                !((el.getAttribute('aria-label') || '').trim() || (el.textContent || '').trim()
                  || (el.id && document.querySelector('label[for="' + el.id + '"]')))).length;""";

    private static long seatRequests(Browser browser) {
        return (Long) browser.script("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/seats')).length");
    }

    /** A new browser whose fan has joined the concert's line, been admitted and opened its first date's seats. */
    private static Browser atTheSeatMap(String name, Concerts.Concert concert) {
        Browser browser = Browser.open(name, 1280, 900);
        browser.click(joinButton(concert));
        browser.awaitHeading("Pick a date");
        browser.click(SEE_SEATS);
        browser.awaitHeading("Pick a seat");
        return browser;
    }

    private static By joinButton(Concerts.Concert concert) {
        return By.cssSelector("button[aria-label='Join the queue for " + concert.title() + "']");
    }

    private static By seat(int number) {
        return By.cssSelector("#seats button.seat[data-seat='" + number + "']");
    }

    private static String userOf(Browser browser) {
        return (String) browser.script("return JSON.parse(localStorage.getItem('ticketing.userId'))");
    }

    /** The balance as the page's user would see it, with a token of their own. */
    private static long balanceOf(String userId, Concerts.Concert concert) {
        HttpApi api = SystemUnderTest.api();
        HttpApi.Response joined = api.post("/api/v1/queue/tokens",
                "{\"userId\":\"" + userId + "\",\"concertId\":\"" + concert.concertId() + "\"}", Map.of());
        HttpApi.Response balance = api.get("/api/v1/balance",
                Map.of("Authorization", "Bearer " + joined.json().path("token").asString()));
        assertThat(balance.status()).as(balance.body()).isEqualTo(200);
        return balance.json().path("balance").asLong();
    }
}
