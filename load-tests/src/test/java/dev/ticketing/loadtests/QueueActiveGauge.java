package dev.ticketing.loadtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples queue-service's own count of a concert's ACTIVE tokens, the gauge {@code ticketing.queue.active{concert}}
 * (as of its last admission cycle), from its Prometheus endpoint once a second, and keeps the highest value seen.
 * Only that family is asked for ({@code ?includedNames=}): the whole scrape is about 300 kB of histograms, which
 * queue-service would write and the generator parse every second of the on-sale, on the cores being measured.
 */
final class QueueActiveGauge {

    private static final Duration EVERY = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final URI prometheus;
    private final Pattern line;
    private final AtomicLong most = new AtomicLong(-1);
    private final AtomicInteger failedReads = new AtomicInteger();
    private ScheduledExecutorService sampler;

    QueueActiveGauge(URI prometheus, String concertId) {
        this.prometheus = onlyTheGauge(prometheus);
        this.line = Pattern.compile("^ticketing_queue_active\\{[^}]*concert=\"" + Pattern.quote(concertId)
                + "\"[^}]*}\\s+([0-9.eE+-]+)", Pattern.MULTILINE);
    }

    static URI onlyTheGauge(URI prometheus) {
        String separator = prometheus.getRawQuery() == null ? "?" : "&";
        return URI.create(prometheus + separator + "includedNames=ticketing_queue_active");
    }

    void start() {
        sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "queue-active-gauge");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleWithFixedDelay(this::sample, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (sampler != null) {
            sampler.shutdownNow();
        }
    }

    /** The highest value read, or a sentence saying why there is none. */
    String describeMost() {
        long value = most.get();
        return value >= 0 ? Long.toString(value)
                : "n/a (" + failedReads.get() + " failed reads of " + prometheus + ", or no admission cycle yet)";
    }

    private void sample() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(prometheus).timeout(EVERY).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher value = line.matcher(response.body());
            if (response.statusCode() == 200 && value.find()) {
                most.accumulateAndGet((long) Double.parseDouble(value.group(1)), Math::max);
            }
        } catch (IOException | RuntimeException e) {
            failedReads.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
