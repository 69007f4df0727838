package dev.ticketing.infra.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** When each part of the stack may start: the stores side by side, each service once what it needs is ready. */
final class StartOrder {

    private StartOrder() {
    }

    /** Completes once the stores the service needs are ready and its command line is prepared. */
    static CompletableFuture<Void> whenReady(ServiceName service, Map<Store, CompletableFuture<Void>> stores,
                                             CompletableFuture<Void> prepared) {
        List<CompletableFuture<Void>> needed = new ArrayList<>();
        service.stores().forEach(store -> needed.add(stores.get(store)));
        // The services that need MariaDB are the slowest to start, so they are the critical path: on a small
        // machine the others starting beside the stores only slow the stores down. They start with the
        // database-backed ones instead. (MariaDB itself is ready within a second or two since it runs without
        // TLS, usually before Kafka, so this seldom delays anything.)
        needed.add(stores.get(Store.MARIADB));
        needed.add(prepared);
        return allUnlessOneFails(needed);
    }

    /** Completes when every task has, or fails as soon as one fails: the others may wait for minutes. */
    static CompletableFuture<Void> allUnlessOneFails(List<CompletableFuture<Void>> tasks) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).thenRun(() -> result.complete(null));
        tasks.forEach(task -> task.whenComplete((ignored, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            }
        }));
        return result;
    }
}
