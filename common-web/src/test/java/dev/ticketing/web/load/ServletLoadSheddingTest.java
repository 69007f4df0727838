package dev.ticketing.web.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

class ServletLoadSheddingTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SlowEndpoints endpoints = new SlowEndpoints();
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void release() {
        endpoints.release.countDown();
        clients.shutdownNow();
    }

    @Test
    void aRequestOverTheLimitIsAnsweredServiceBusyAtOnceAndNothingRuns() throws Exception {
        MockMvc mvc = mvc(limitOfOne(0, Duration.ZERO));
        CompletableFuture<MvcResult> first = inBackground(mvc, "/api/v1/slow");
        await().atMost(Duration.ofSeconds(5)).until(() -> endpoints.started.get() == 1);

        mvc.perform(get("/api/v1/slow"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(header().string("Ticketing-Shed", "1"))
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.code").value("SERVICE_BUSY"));

        assertThat(endpoints.started.get()).isEqualTo(1);
        assertThat(meters.counter("ticketing.http.shed").count()).isEqualTo(1);
        endpoints.release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aRequestWaitsInTheBacklogForAFreeSlotAndAFullBacklogSheds() throws Exception {
        MockMvc mvc = mvc(limitOfOne(1, Duration.ofSeconds(10)));
        CompletableFuture<MvcResult> first = inBackground(mvc, "/api/v1/slow");
        await().atMost(Duration.ofSeconds(5)).until(() -> endpoints.started.get() == 1);

        // One after the other, so that the second is the one waiting and the third the one the full backlog refuses.
        AtomicReference<Thread> waiting = new AtomicReference<>();
        CompletableFuture<MvcResult> second = inBackground(mvc, "/api/v1/slow", waiting);
        await().atMost(Duration.ofSeconds(5)).until(() -> waiting.get() != null
                && waiting.get().getState() == Thread.State.TIMED_WAITING);
        CompletableFuture<MvcResult> third = inBackground(mvc, "/api/v1/slow");

        assertThat(third.get(5, TimeUnit.SECONDS).getResponse().getStatus()).isEqualTo(503);
        assertThat(meters.counter("ticketing.http.shed").count()).isEqualTo(1);
        assertThat(second).isNotDone();
        endpoints.release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS).getResponse().getStatus()).isEqualTo(200);
        assertThat(second.get(5, TimeUnit.SECONDS).getResponse().getStatus()).isEqualTo(200);
        assertThat(endpoints.started.get()).isEqualTo(2);
    }

    @Test
    void aCallFromAnotherServiceGetsInWhileNewPublicRequestsAreShed() throws Exception {
        MockMvc mvc = mvc(limitOfOne(0, Duration.ZERO));
        inBackground(mvc, "/api/v1/slow");
        await().atMost(Duration.ofSeconds(5)).until(() -> endpoints.started.get() == 1);

        mvc.perform(get("/api/v1/slow")).andExpect(status().isServiceUnavailable());
        mvc.perform(get("/internal/v1/quick")).andExpect(status().isOk());

        assertThat(meters.counter("ticketing.http.shed").count()).isEqualTo(1);
    }

    @Test
    void healthAndMetricsAreNeverShed() throws Exception {
        MockMvc mvc = mvc(limitOfOne(0, Duration.ZERO));
        inBackground(mvc, "/api/v1/slow");
        await().atMost(Duration.ofSeconds(5)).until(() -> endpoints.started.get() == 1);

        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        assertThat(meters.counter("ticketing.http.shed").count()).isZero();
    }

    @Test
    void theLimitsMustBeOrdered() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LoadSheddingProperties(true, 10, 20, 30, 0,
                Duration.ZERO, Duration.ofSeconds(1), 0.3, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LoadSheddingProperties(true, 10, 10, 30, 0,
                Duration.ZERO, Duration.ofSeconds(1), 1.0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private LoadSheddingProperties limitOfOne(int backlog, Duration backlogTimeout) {
        return new LoadSheddingProperties(true, 1, 1, 1, backlog, backlogTimeout, Duration.ofSeconds(2), 0.3, Duration.ZERO);
    }

    private MockMvc mvc(LoadSheddingProperties properties) {
        InFlightLimit limit = InFlightLimit.waiting(properties, meters);
        return MockMvcBuilders.standaloneSetup(endpoints)
                .addFilters(new ServletLoadShedding(limit, properties)).build();
    }

    private CompletableFuture<MvcResult> inBackground(MockMvc mvc, String path) {
        return inBackground(mvc, path, new AtomicReference<>());
    }

    /** Runs the request on a thread of its own, which {@code thread} names while it runs. */
    private CompletableFuture<MvcResult> inBackground(MockMvc mvc, String path, AtomicReference<Thread> thread) {
        return CompletableFuture.supplyAsync(() -> {
            thread.set(Thread.currentThread());
            try {
                return mvc.perform(get(path)).andReturn();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, clients);
    }

    @RestController
    static class SlowEndpoints {

        final AtomicInteger started = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        @GetMapping("/api/v1/slow")
        String slow() throws InterruptedException {
            started.incrementAndGet();
            release.await(10, TimeUnit.SECONDS);
            return "done";
        }

        @GetMapping("/internal/v1/quick")
        String quick() {
            return "done";
        }

        @GetMapping("/actuator/health")
        String health() {
            return "UP";
        }
    }
}
