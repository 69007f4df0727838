package dev.ticketing.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (the OS's {@code chromium} and {@code chromedriver}, never a download) on the fans' page of
 * the system-test stack, with a screenshot of each step under {@code target/fans-page/}. CI installs both
 * ({@code .ci/run}) and fails without them; elsewhere the tests are skipped with a note saying what to install.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "fans-page");
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final AtomicInteger SHOTS = new AtomicInteger();

    private final WebDriver driver;
    private final String name;

    private Browser(WebDriver driver, String name) {
        this.driver = driver;
        this.name = name;
    }

    /** A fresh browser profile (its own localStorage), at {@code width}×{@code height}, on the gateway's page. */
    static Browser open(String name, int width, int height) {
        Optional<String> binary = firstExisting(BROWSERS);
        Optional<String> chromedriver = firstExisting(DRIVERS);
        if (binary.isEmpty() || chromedriver.isEmpty()) {
            String missing = "Chromium and its driver are needed for the browser tests: apt-get install chromium "
                    + "chromium-driver (found browser " + binary + ", driver " + chromedriver + ")";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(missing);
            }
            Assumptions.abort(missing);
        }
        ChromeOptions options = new ChromeOptions().setBinary(binary.get())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--no-first-run", "--disable-extensions", "--lang=en-GB", "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(chromedriver.get()).toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.get(SystemUnderTest.stack().gatewayUrl() + "/");
        return new Browser(driver, name);
    }

    WebElement await(By locator) {
        return until(d -> d.findElements(locator).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** Waits for the page's main heading to say {@code text}. */
    void awaitHeading(String text) {
        until(d -> d.findElements(By.tagName("h1")).stream().anyMatch(h -> h.getText().contains(text)) ? true : null);
    }

    /** Waits for the problem box to say {@code text}. */
    WebElement awaitProblem(String text) {
        return until(d -> {
            WebElement box = d.findElement(By.id("problem"));
            return box.isDisplayed() && box.getText().contains(text) ? box : null;
        });
    }

    /**
     * Waits until {@code condition} gives a non-null, non-false value. An element that the page replaced while the
     * condition read it (a view or the seat map re-rendered) is read again on the next try, as a missing one is.
     */
    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Clicks the element, found again if the page re-rendered it in the meantime. */
    void click(By locator) {
        until(d -> {
            WebElement element = d.findElements(locator).stream().filter(WebElement::isDisplayed).findFirst()
                    .orElse(null);
            if (element == null) {
                return null;
            }
            element.click();
            return true;
        });
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    void reload() {
        driver.navigate().refresh();
    }

    WebDriver driver() {
        return driver;
    }

    /** Saves what the browser shows as {@code target/fans-page/<nn>-<test>-<step>.png}. */
    Path screenshot(String step) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(String.format("%02d-%s-%s.png", SHOTS.incrementAndGet(), name, step));
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot save a screenshot", e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static Optional<String> firstExisting(List<String> paths) {
        return paths.stream().filter(path -> Files.isExecutable(Path.of(path))).findFirst();
    }
}
