package dev.ticketing.loadtests;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * The spike's first wave: each user joins one concert's queue with a new userId, then polls its token
 * -Dpolls times (default 3). Runs through the gateway (default) or, with -Ddirect=true, straight against
 * queue-service on 8081, so the two runs give the price of the gateway hop on the busiest endpoints.
 */
public class QueueJoinSimulation extends Simulation {

    private final BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties(2000);
    private final int polls = Integer.getInteger("polls", 3);

    {
        System.out.println("[benchmark] QueueJoinSimulation " + settings.describe() + " polls=" + polls);
        QueueSteps queue = new QueueSteps(settings, new Catalog(settings).concertFor(0), new Tally());

        ScenarioBuilder fans = scenario("join and poll")
                .exec(queue.join("join"))
                .exitHereIfFailed()
                .repeat(polls).on(pause(settings.pollInterval()).exec(queue.poll("poll")));

        settings.bounded(setUp(fans.injectOpen(settings.arrivals())).protocols(queue.protocol()));
    }
}
