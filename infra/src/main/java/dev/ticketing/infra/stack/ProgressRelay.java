package dev.ticketing.infra.stack;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands progress messages from the stack's start-up threads to the thread that started the stack, which alone
 * calls the caller's consumer. A consumer may belong to a class still being initialised on that thread (a test
 * fixture starting the stack from a static initialiser): called from any other thread, it would wait forever.
 */
final class ProgressRelay implements Consumer<String> {

    private final Consumer<String> progress;
    private final Thread owner = Thread.currentThread();
    private final LinkedBlockingQueue<String> pending = new LinkedBlockingQueue<>();

    ProgressRelay(Consumer<String> progress) {
        this.progress = progress;
    }

    @Override
    public void accept(String message) {
        if (Thread.currentThread() == owner) {
            drain();
            progress.accept(message);
        } else {
            pending.add(message);
        }
    }

    /** On the owner's thread: passes messages on until the task completes, then returns (without its result). */
    void relayUntilDone(CompletableFuture<?> task) {
        try {
            while (!task.isDone()) {
                String message = pending.poll(100, TimeUnit.MILLISECONDS);
                if (message != null) {
                    progress.accept(message);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailure("Interrupted while the stack was starting", e);
        }
        drain();
    }

    private void drain() {
        for (String message = pending.poll(); message != null; message = pending.poll()) {
            progress.accept(message);
        }
    }
}
