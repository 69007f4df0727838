package dev.ticketing.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import dev.ticketing.audit.AuditFacts.ActiveLine;
import dev.ticketing.audit.AuditFacts.ActiveToken;
import dev.ticketing.audit.AuditFacts.OutboxBacklog;
import dev.ticketing.audit.AuditFacts.QueueFacts;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * queue-service's Redis, in its README's layout: every {@code queue:concert:<id>:active} line and the record of
 * each token in it, and the {@code queue:outbox} stream. Read-only. Needs Lettuce ({@code lettuce-core}) on the
 * class path, which this module leaves to its users.
 */
public final class QueueFactsReader {

    private static final String ACTIVE_LINE = "queue:concert:*:active";
    private static final String OUTBOX = "queue:outbox";
    // One line and the status of each of its tokens in one atomic step: a token ended between two separate reads
    // (out of the line and EXPIRED together, by queue-service's scripts) would otherwise look half-ended.
    private static final String READ_LINE = """
            local members = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
            local out = {}
            for i = 1, #members, 2 do
              out[#out + 1] = members[i]
              out[#out + 1] = members[i + 1]
              out[#out + 1] = redis.call('HGET', 'queue:token:' .. members[i], 'status') or ''
            end
            return out""";

    private QueueFactsReader() {
    }

    /**
     * Reads queue-service's Redis at {@code host:port} (with {@code password}, when it has one) over a connection of
     * its own, closed before returning.
     */
    public static QueueFacts read(String host, int port, char[] password, int maxActive) {
        RedisURI.Builder uri = RedisURI.builder().withHost(host).withPort(port).withTimeout(Duration.ofSeconds(3));
        if (password != null && password.length > 0) {
            uri.withPassword(password);
        }
        RedisClient client = RedisClient.create(uri.build());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            TreeSet<String> lineKeys = new TreeSet<>();
            ScanIterator.scan(redis, ScanArgs.Builder.matches(ACTIVE_LINE).limit(1000)).forEachRemaining(lineKeys::add);
            List<ActiveLine> lines = new ArrayList<>();
            for (String key : lineKeys) {
                lines.add(line(redis, key));
            }
            return new QueueFacts(maxActive, lines, outbox(redis));
        } catch (RedisException e) {
            throw new AuditUnavailable("Cannot read queue-service's Redis at " + host + ":" + port + ": " + e.getMessage(), e);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static ActiveLine line(RedisCommands<String, String> redis, String key) {
        String concertId = key.substring("queue:concert:".length(), key.length() - ":active".length());
        List<Object> flat = redis.eval(READ_LINE, ScriptOutputType.MULTI, key);
        List<ActiveToken> tokens = new ArrayList<>();
        for (int i = 0; i + 2 < flat.size(); i += 3) {
            String status = (String) flat.get(i + 2);
            long activeUntil = (long) Double.parseDouble((String) flat.get(i + 1));
            tokens.add(new ActiveToken((String) flat.get(i), status.isEmpty() ? null : status, Instant.ofEpochMilli(activeUntil)));
        }
        return new ActiveLine(concertId, tokens);
    }

    private static Optional<OutboxBacklog> outbox(RedisCommands<String, String> redis) {
        List<StreamMessage<String, String>> oldest = redis.xrange(OUTBOX, Range.unbounded(), Limit.from(1));
        if (oldest.isEmpty()) {
            return Optional.empty();
        }
        StreamMessage<String, String> entry = oldest.getFirst();
        // A stream entry id starts with the time it was added, in epoch milliseconds.
        Instant written = Instant.ofEpochMilli(Long.parseLong(entry.getId().substring(0, entry.getId().indexOf('-'))));
        String eventId = entry.getBody().getOrDefault("eventId", entry.getId());
        return Optional.of(new OutboxBacklog("queue-service", redis.xlen(OUTBOX), eventId, written));
    }
}
