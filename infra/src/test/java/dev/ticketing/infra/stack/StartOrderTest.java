package dev.ticketing.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class StartOrderTest {

    private final Map<Store, CompletableFuture<Void>> stores = new EnumMap<>(Store.class);

    StartOrderTest() {
        for (Store store : Store.values()) {
            stores.put(store, new CompletableFuture<>());
        }
    }

    @Test
    void servicesWithoutASchemaStartWhileMariaDbIsStillStarting() {
        CompletableFuture<Void> gateway = LocalStack.whenReady(ServiceName.GATEWAY, stores, done());
        CompletableFuture<Void> queue = LocalStack.whenReady(ServiceName.QUEUE, stores, done());
        CompletableFuture<Void> concert = LocalStack.whenReady(ServiceName.CONCERT, stores, done());

        stores.get(Store.REDIS).complete(null);
        stores.get(Store.KAFKA).complete(null);

        assertThat(gateway).isDone();
        assertThat(queue).isDone();
        assertThat(concert).isNotDone();
    }

    @Test
    void servicesWithASchemaWaitForMariaDbAndKafkaButNotRedis() {
        CompletableFuture<Void> payment = LocalStack.whenReady(ServiceName.PAYMENT, stores, done());
        CompletableFuture<Void> reservation = LocalStack.whenReady(ServiceName.RESERVATION, stores, done());

        stores.get(Store.MARIADB).complete(null);
        assertThat(payment).isNotDone();
        stores.get(Store.KAFKA).complete(null);

        assertThat(payment).isDone();
        assertThat(reservation).isDone();
        assertThat(stores.get(Store.REDIS)).isNotDone();
    }

    @Test
    void noServiceStartsBeforeItsCommandLineIsPrepared() {
        stores.values().forEach(store -> store.complete(null));
        CompletableFuture<Void> extracting = new CompletableFuture<>();

        CompletableFuture<Void> gateway = LocalStack.whenReady(ServiceName.GATEWAY, stores, extracting);
        assertThat(gateway).isNotDone();
        extracting.complete(null);

        assertThat(gateway).isDone();
    }

    @Test
    void aStoreThatFailsFailsTheServicesThatNeedIt() {
        CompletableFuture<Void> concert = LocalStack.whenReady(ServiceName.CONCERT, stores, done());
        CompletableFuture<Void> gateway = LocalStack.whenReady(ServiceName.GATEWAY, stores, done());

        stores.get(Store.KAFKA).complete(null);
        stores.get(Store.MARIADB).completeExceptionally(new StackException("mariadbd exited"));
        stores.get(Store.REDIS).complete(null);

        assertThat(concert).isCompletedExceptionally();
        assertThat(gateway).isDone().isNotCompletedExceptionally();
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}
