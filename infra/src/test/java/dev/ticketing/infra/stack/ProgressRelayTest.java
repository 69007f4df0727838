package dev.ticketing.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

class ProgressRelayTest {

    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final List<Thread> callers = new CopyOnWriteArrayList<>();
    private final ProgressRelay relay = new ProgressRelay(message -> {
        heard.add(message);
        callers.add(Thread.currentThread());
    });

    @Test
    void messagesFromOtherThreadsReachTheConsumerOnlyOnTheStartingThreadInOrder() {
        CompletableFuture<Void> task = CompletableFuture.runAsync(() -> {
            relay.accept("Kafka is ready");
            relay.accept("gateway is ready");
        }, command -> new Thread(command).start());

        relay.relayUntilDone(task);
        relay.accept("loaded 3 demo concerts");

        assertThat(heard).containsExactly("Kafka is ready", "gateway is ready", "loaded 3 demo concerts");
        assertThat(callers).containsOnly(Thread.currentThread());
    }
}
