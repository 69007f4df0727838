package dev.ticketing.payment.idempotency.adapter.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.payment.idempotency.application.IdempotencyRecords;
import dev.ticketing.payment.idempotency.application.IdempotentCall;
import dev.ticketing.payment.idempotency.application.StoredResponse;
import dev.ticketing.payment.idempotency.domain.RequestFingerprint;

/** Remembered calls in MySQL (table idempotency_record, V2); the primary key is (user_id, endpoint, key). */
@Repository
class JdbcIdempotencyRecords implements IdempotencyRecords {

    private static final String SELECT = """
            SELECT request_hash, response_status, response_body FROM idempotency_record
            WHERE user_id = ? AND endpoint = ? AND idempotency_key = ?""";

    private final JdbcTemplate jdbc;

    JdbcIdempotencyRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<RecordedCall> find(IdempotentCall call) {
        List<RecordedCall> found = jdbc.query(SELECT, (rs, row) -> {
            int status = rs.getInt("response_status");
            // A row without an answer is one being claimed right now; callers only ever see committed rows,
            // which always carry the answer, so this guards against reading outside that rule.
            if (rs.wasNull()) {
                throw new IllegalStateException("idempotency record without an answer");
            }
            return new RecordedCall(new RequestFingerprint(rs.getString("request_hash")),
                    new StoredResponse(status, rs.getString("response_body")));
        }, call.userId().toString(), call.endpoint(), call.key().value());
        return found.stream().findFirst();
    }

    /**
     * InnoDB makes a duplicate insert wait for the transaction holding the row: after its commit the insert
     * fails as a duplicate and the committed row is read (READ COMMITTED sees it); after its rollback the
     * insert succeeds.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<RecordedCall> claim(IdempotentCall call, Instant now) {
        try {
            jdbc.update("""
                    INSERT INTO idempotency_record (user_id, endpoint, idempotency_key, request_hash, created_at)
                    VALUES (?, ?, ?, ?, ?)""", call.userId().toString(), call.endpoint(), call.key().value(),
                    call.fingerprint().sha256(), LocalDateTime.ofInstant(now, ZoneOffset.UTC));
            return Optional.empty();
        } catch (DuplicateKeyException earlier) {
            return Optional.of(find(call).orElseThrow(() -> new IllegalStateException(
                    "idempotency record vanished after a duplicate-key error", earlier)));
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void complete(IdempotentCall call, StoredResponse response) {
        int updated = jdbc.update("""
                UPDATE idempotency_record SET response_status = ?, response_body = ?
                WHERE user_id = ? AND endpoint = ? AND idempotency_key = ?""", response.status(), response.body(),
                call.userId().toString(), call.endpoint(), call.key().value());
        if (updated != 1) {
            throw new IllegalStateException("completed an idempotency record this transaction did not claim");
        }
    }

    @Override
    public int forgetBefore(Instant cutoff, int limit) {
        return jdbc.update("DELETE FROM idempotency_record WHERE created_at < ? LIMIT ?",
                LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC), limit);
    }
}
