package dev.ticketing.loadtests;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Outcomes that Gatling's own report does not break down (which status a hold got, how many users were never
 * admitted), counted by the virtual users and printed once the run is over.
 */
final class Tally {

    private final Map<String, LongAdder> counts = new ConcurrentSkipListMap<>();

    void count(String outcome) {
        counts.computeIfAbsent(outcome, key -> new LongAdder()).increment();
    }

    long get(String outcome) {
        LongAdder count = counts.get(outcome);
        return count == null ? 0 : count.sum();
    }

    /** The sum over the outcomes whose name starts with {@code prefix}. */
    long sumStartingWith(String prefix) {
        return counts.entrySet().stream().filter(entry -> entry.getKey().startsWith(prefix))
                .mapToLong(entry -> entry.getValue().sum()).sum();
    }

    void print(String title) {
        System.out.println();
        System.out.println("[benchmark] " + title);
        if (counts.isEmpty()) {
            System.out.println("[benchmark]   (nothing counted)");
        }
        counts.forEach((outcome, count) -> System.out.printf("[benchmark]   %-40s %10d%n", outcome, count.sum()));
    }
}
