package dev.ticketing.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.ticketing.infra.embedded.EmbeddedServerFailure;

class StartOrderTest {

    private final Map<Store, CompletableFuture<Void>> stores = new EnumMap<>(Store.class);

    StartOrderTest() {
        for (Store store : Store.values()) {
            stores.put(store, new CompletableFuture<>());
        }
    }

    @Test
    void servicesWithoutASchemaDoNotStartBesideMariaDbButWithTheServicesThatWaitForIt() {
        CompletableFuture<Void> gateway = StartOrder.whenReady(ServiceName.GATEWAY, stores, done());
        CompletableFuture<Void> queue = StartOrder.whenReady(ServiceName.QUEUE, stores, done());
        CompletableFuture<Void> concert = StartOrder.whenReady(ServiceName.CONCERT, stores, done());

        stores.get(Store.REDIS).complete(null);
        stores.get(Store.KAFKA).complete(null);
        assertThat(gateway).isNotDone();
        assertThat(queue).isNotDone();
        assertThat(concert).isNotDone();

        stores.get(Store.MARIADB).complete(null);
        assertThat(gateway).isDone();
        assertThat(queue).isDone();
        assertThat(concert).isDone();
    }

    @Test
    void servicesWithASchemaWaitForMariaDbAndKafkaButNotRedis() {
        CompletableFuture<Void> payment = StartOrder.whenReady(ServiceName.PAYMENT, stores, done());
        CompletableFuture<Void> reservation = StartOrder.whenReady(ServiceName.RESERVATION, stores, done());

        stores.get(Store.MARIADB).complete(null);
        assertThat(payment).isNotDone();
        stores.get(Store.KAFKA).complete(null);

        assertThat(payment).isDone();
        assertThat(reservation).isDone();
        assertThat(stores.get(Store.REDIS)).isNotDone();
    }

    @Test
    void analyticsServiceWaitsForKafkaAndLikeTheOthersForMariaDbButNotRedis() {
        CompletableFuture<Void> analytics = StartOrder.whenReady(ServiceName.ANALYTICS, stores, done());

        stores.get(Store.MARIADB).complete(null);
        assertThat(analytics).isNotDone();
        stores.get(Store.KAFKA).complete(null);

        assertThat(analytics).isDone();
        assertThat(stores.get(Store.REDIS)).isNotDone();
    }

    @Test
    void noServiceStartsBeforeItsCommandLineIsPrepared() {
        stores.values().forEach(store -> store.complete(null));
        CompletableFuture<Void> extracting = new CompletableFuture<>();

        CompletableFuture<Void> gateway = StartOrder.whenReady(ServiceName.GATEWAY, stores, extracting);
        assertThat(gateway).isNotDone();
        extracting.complete(null);

        assertThat(gateway).isDone();
    }

    @Test
    void aStoreThatFailsFailsTheServicesThatNeedIt() {
        CompletableFuture<Void> concert = StartOrder.whenReady(ServiceName.CONCERT, stores, done());
        CompletableFuture<Void> gateway = StartOrder.whenReady(ServiceName.GATEWAY, stores, done());

        stores.get(Store.KAFKA).complete(null);
        stores.get(Store.MARIADB).complete(null);
        stores.get(Store.REDIS).completeExceptionally(new StackFailure("redis-server exited"));

        assertThat(gateway).isCompletedExceptionally();
        assertThat(concert).isDone().isNotCompletedExceptionally();
    }

    @Test
    void aServiceFailsAsSoonAsOneOfItsStoresFailsWithoutWaitingForTheOthers() {
        CompletableFuture<Void> concert = StartOrder.whenReady(ServiceName.CONCERT, stores, done());

        stores.get(Store.MARIADB).completeExceptionally(new StackFailure("mariadbd exited"));

        assertThat(stores.get(Store.KAFKA)).isNotDone();
        assertThat(concert).isCompletedExceptionally();
    }

    @Test
    // Only so that a regression hangs no build (join cannot be interrupted): it would wait for the pending task forever.
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFailedStartIsReportedWithoutWaitingForTheServicesStillStarting() {
        CompletableFuture<Void> gatewayStillStarting = new CompletableFuture<>();
        CompletableFuture<Void> concert = StartOrder.whenReady(ServiceName.CONCERT, stores, done()).thenRun(() -> { });
        stores.get(Store.MARIADB).completeExceptionally(new EmbeddedServerFailure("mariadbd exited with code 1"));

        LocalStack stack = LocalStack.unstarted(StackSettings.fromEnvironment(Path.of("/repo"), Map.of()), message -> { });

        assertThatThrownBy(() -> stack.join(List.of(gatewayStillStarting, concert)))
                .isInstanceOf(StackFailure.class).hasMessage("mariadbd exited with code 1");
        assertThat(gatewayStillStarting).isNotDone();
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}
