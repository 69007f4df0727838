-- The trace context of the transaction that wrote each event (W3C traceparent, 55 characters), so the relay
-- publishes the event in the same trace. Null for rows written outside a trace or before this column existed:
-- those are published as before, without trace headers.
-- Version 0.2 sorts before the services' own migrations: a schema migrated before it was added takes it out of
-- order (spring.flyway.out-of-order in each service); the change is additive, so the order does not matter.
ALTER TABLE outbox ADD COLUMN trace_parent VARCHAR(64) CHARACTER SET ascii NULL;
