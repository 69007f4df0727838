-- Test only: one row per applied effect, deliberately without a unique key, so a second effect would show.
CREATE TABLE test_payment_effect (
    id       BIGINT   NOT NULL AUTO_INCREMENT,
    event_id CHAR(36) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;
