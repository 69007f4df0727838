package dev.ticketing.queue.waiting.application;

/** Something this service needs (its store, concert-service) did not answer in time or failed: a 503, never a 500. */
public class DependencyUnavailable extends RuntimeException {

    private final String dependency;

    public DependencyUnavailable(String dependency, Throwable cause) {
        super(dependency + " is unavailable: " + cause, cause);
        this.dependency = dependency;
    }

    public String dependency() {
        return dependency;
    }
}
