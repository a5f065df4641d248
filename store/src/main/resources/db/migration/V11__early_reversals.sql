-- A terminal's reversal (0400) that finds no sale is noted durably (io.shoudan.payment.EarlyReversal): it claims
-- the sale's idempotency key as operation REVERSAL (naming no payment), so that the sale, arriving late, finds the
-- key taken and is stored REVERSED without reaching a channel; it then takes the key over as its SALE key.
-- Keyed by the sale's request: its key text and, for a terminal's sale, its terminal id, batch and trace (V10's
-- columns of a request id, here for the sale and for the reversal itself).
ALTER TABLE idempotency_keys DROP CONSTRAINT ck_idempotency_keys_operation;
ALTER TABLE idempotency_keys ADD CONSTRAINT ck_idempotency_keys_operation
    CHECK (operation IN ('SALE', 'VOID', 'REFUND', 'REVERSAL'));

CREATE TABLE early_reversals (
    merchant_id        VARCHAR(32)              NOT NULL,
    request_key        VARCHAR(128)             NOT NULL,
    original_kind      VARCHAR(8)               NOT NULL,
    terminal_id        VARCHAR(8),
    batch_no           INTEGER,
    trace_no           INTEGER,
    reversal_kind      VARCHAR(8)               NOT NULL,
    reversal_request_id VARCHAR(128)            NOT NULL,
    reversal_terminal_id VARCHAR(8),
    reversal_batch_no  INTEGER,
    reversal_trace_no  INTEGER,
    amount_fen         BIGINT                   NOT NULL,
    noted_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_early_reversals PRIMARY KEY (merchant_id, request_key)
);
