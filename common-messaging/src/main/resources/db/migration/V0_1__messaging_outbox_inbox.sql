-- Shipped in common-messaging: Flyway finds classpath:db/migration in every jar, so each service that
-- depends on the module gets these tables in its own schema. Version 0.1 sorts before the services' V1, V2...
-- Written for MySQL 8.4 and MariaDB 11.4 alike. All times are UTC, millisecond precision.

-- Events written in the same transaction as the state change they announce; the relay publishes
-- unsent rows in id order and stamps sent_at once Kafka has acknowledged them.
CREATE TABLE outbox (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    event_id    CHAR(36)     CHARACTER SET ascii NOT NULL,
    topic       VARCHAR(249) CHARACTER SET ascii NOT NULL,
    message_key VARCHAR(255) NOT NULL,
    -- The serialized envelope, byte for byte what goes on Kafka (serialized once, at append).
    payload     MEDIUMBLOB   NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    sent_at     DATETIME(3)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_outbox_event_id UNIQUE (event_id),
    -- "sent_at IS NULL ORDER BY id" for the relay, "sent_at < ?" for the retention cleanup.
    INDEX ix_outbox_sent_at_id (sent_at, id)
) ENGINE = InnoDB;

-- The inbox: one row per event a consumer has applied; the primary key makes a redelivery a no-op.
CREATE TABLE processed_event (
    consumer     VARCHAR(100) CHARACTER SET ascii NOT NULL,
    event_id     CHAR(36)     CHARACTER SET ascii NOT NULL,
    processed_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (consumer, event_id),
    INDEX ix_processed_event_processed_at (processed_at)
) ENGINE = InnoDB;

-- The relay's single-active-instance lease: taken and renewed by a conditional UPDATE that succeeds only
-- for the owner or once expires_at (database time, UTC) has passed.
CREATE TABLE outbox_relay_lease (
    name       VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    owner      VARCHAR(255) NULL,
    expires_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB;

INSERT INTO outbox_relay_lease (name, owner, expires_at) VALUES ('outbox-relay', NULL, '2000-01-01 00:00:00.000');
