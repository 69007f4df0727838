package dev.ticketing.queue.waiting.adapter.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts of the queue (src/main/resources/scripts), each with the shared library in front of it. Spring
 * runs them by SHA (EVALSHA) and loads them on a NOSCRIPT answer, so a Redis restart needs nothing from us.
 */
final class QueueScripts {

    private static final String LIBRARY = "scripts/queue-lib.lua";

    @SuppressWarnings("rawtypes")
    final RedisScript<List> join = RedisScript.of(withLibrary("scripts/join.lua"), List.class);
    @SuppressWarnings("rawtypes")
    final RedisScript<List> poll = RedisScript.of(withLibrary("scripts/poll.lua"), List.class);
    @SuppressWarnings("rawtypes")
    final RedisScript<List> admit = RedisScript.of(withLibrary("scripts/admit.lua"), List.class);
    final RedisScript<String> expire = RedisScript.of(withLibrary("scripts/expire.lua"), String.class);
    final RedisScript<Long> activity = RedisScript.of(withLibrary("scripts/activity.lua"), Long.class);
    final RedisScript<Long> holding = RedisScript.of(withLibrary("scripts/holding.lua"), Long.class);
    final RedisScript<Long> bookingReport = RedisScript.of(withLibrary("scripts/booking-report.lua"), Long.class);
    @SuppressWarnings("rawtypes")
    final RedisScript<List> admissionControlTake =
            RedisScript.of(withLibrary("scripts/admission-control-take.lua"), List.class);
    final RedisScript<Long> admissionControlSettle =
            RedisScript.of(withLibrary("scripts/admission-control-settle.lua"), Long.class);

    static String withLibrary(String script) {
        return read(LIBRARY) + "\n" + read(script);
    }

    static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
