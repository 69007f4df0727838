package dev.ticketing.queue.scheduling;

import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Work that runs on a reactive schedule for as long as the application runs: started with the context, disposed
 * when it stops. Subclasses say what the schedule is; one round at a time, ticks that find one running are dropped.
 */
public abstract class ReactiveSchedule implements SmartLifecycle {

    private volatile Disposable schedule;

    /** The rounds, e.g. {@code Flux.interval(every).onBackpressureDrop().concatMap(tick -> round(), 1)}. */
    protected abstract Flux<?> rounds();

    @Override
    public void start() {
        schedule = rounds().subscribe();
    }

    @Override
    public void stop() {
        Disposable running = schedule;
        schedule = null;
        if (running != null) {
            running.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}
