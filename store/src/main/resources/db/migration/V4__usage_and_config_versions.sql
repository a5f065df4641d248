-- Usage and configuration versions for the sale hot path (docs/STORE.md "Sale hot path (V4–V6)").

-- What each merchant took per method and Beijing business day: the amounts of its payments whose state
-- counts as usage (PaymentState.countsAsUsage: in flight or money taken; not declined, failed,
-- reversed or voided). Written in each payment's own transaction — added when a counted payment is
-- inserted, given back when it moves to a final state that does not count — so "today" is one row and
-- "this month" at most 31, however many payments the merchant takes. Rows for payments stored before
-- this version are filled in by the Java migration V5 (the business day is a Beijing date, which the
-- two databases' SQL would compute differently).
CREATE TABLE merchant_usage_daily (
    merchant_id     VARCHAR(32) NOT NULL,
    payment_method  VARCHAR(32) NOT NULL,
    business_day    DATE        NOT NULL,
    amount_fen      BIGINT      NOT NULL,
    CONSTRAINT pk_merchant_usage_daily PRIMARY KEY (merchant_id, payment_method, business_day),
    CONSTRAINT ck_merchant_usage_daily_amount CHECK (amount_fen >= 0)
);

-- A counter per piece of platform configuration that a gateway node keeps in memory (channel
-- connections, maintenance windows), raised in the transaction of every change; a sale reads the
-- counters with its snapshot and reloads what changed, so a change applies to the next payment on
-- every node.
CREATE TABLE config_versions (
    subject  VARCHAR(32) NOT NULL,
    version  BIGINT      NOT NULL,
    CONSTRAINT pk_config_versions PRIMARY KEY (subject)
);

INSERT INTO config_versions (subject, version) VALUES ('channel_connections', 1);
INSERT INTO config_versions (subject, version) VALUES ('maintenance_windows', 1);
