-- V2: what the jOOQ payment store (io.shoudan.store.payment.JooqPaymentStore) needs beyond V1.
-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode, and is parsed by jOOQ's DDLDatabase.

-- ---------------------------------------------------------------------------------------------
-- payments
-- ---------------------------------------------------------------------------------------------

-- A declined sale is stored with its verdict even when the cashier typed 0 or a negative amount
-- (the gate refuses it with OPERATION.INVALID_AMOUNT); every other state still needs money.
ALTER TABLE payments DROP CONSTRAINT ck_payments_amount;
ALTER TABLE payments ADD CONSTRAINT ck_payments_amount CHECK (amount_fen > 0 OR state = 'DECLINED');

-- Refunds in flight keep their amount reserved on the payment, so no other refund can take it.
ALTER TABLE payments ADD COLUMN refunds_pending_fen BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE payments DROP CONSTRAINT ck_payments_refunded;
ALTER TABLE payments ADD CONSTRAINT ck_payments_refunded CHECK (refunded_fen >= 0 AND refunds_pending_fen >= 0
    AND (state = 'DECLINED' OR refunded_fen + refunds_pending_fen <= amount_fen));

-- The request as the terminal sent it, so a retry can be compared field by field with the first.
-- instrument_value is the scanned payment code (single use, expires within minutes) or the ingress's
-- opaque card reference; card numbers never reach this table. payment_code_masked stays for display.
ALTER TABLE payments ADD COLUMN instrument_kind VARCHAR(16);
ALTER TABLE payments ADD COLUMN instrument_value VARCHAR(64);
ALTER TABLE payments ADD COLUMN installment_fee_bearer VARCHAR(16) DEFAULT 'BUYER' NOT NULL;
ALTER TABLE payments ADD CONSTRAINT ck_payments_bearer CHECK (installment_fee_bearer IN ('BUYER', 'MERCHANT'));

-- The fee quote, fixed on success: fee_fen (V1) is the total charged to the merchant, split into the
-- acquirer's part and the installment fee the merchant bears; the buyer's installment fee is kept
-- for information (it never enters our books).
ALTER TABLE payments ADD COLUMN fee_rate_card_id VARCHAR(64);
ALTER TABLE payments ADD COLUMN fee_acquirer_fen BIGINT;
ALTER TABLE payments ADD COLUMN fee_installment_fen BIGINT;
ALTER TABLE payments ADD COLUMN fee_installment_buyer_fen BIGINT;
ALTER TABLE payments ADD COLUMN fee_returned_acquirer_fen BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE payments ADD COLUMN fee_returned_installment_fen BIGINT DEFAULT 0 NOT NULL;

-- Why a payment ended FAILED / DECLINED / REVERSED: the catalogue code; raw_channel_code (V1) holds
-- the channel's own code it was mapped from (GATE for a gate refusal). RawCode allows 128 characters.
ALTER TABLE payments ADD COLUMN failure_reason VARCHAR(64);
ALTER TABLE payments ALTER COLUMN raw_channel_code SET DATA TYPE VARCHAR(128);
ALTER TABLE payments ADD COLUMN funding_source VARCHAR(32);
ALTER TABLE payments ADD COLUMN succeeded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE payments ADD COLUMN reversal_returned_money BOOLEAN DEFAULT FALSE NOT NULL;
-- Every transition with its time and raw code, as JSON text (the audit trail diagnose shows).
ALTER TABLE payments ADD COLUMN history VARCHAR;

-- ---------------------------------------------------------------------------------------------
-- refunds: the record's life is PENDING -> SUCCEEDED | FAILED (io.shoudan.payment.RefundStatus)
-- ---------------------------------------------------------------------------------------------

ALTER TABLE refunds DROP CONSTRAINT ck_refunds_state;
ALTER TABLE refunds ADD CONSTRAINT ck_refunds_state CHECK (state IN ('PENDING', 'SUCCEEDED', 'FAILED'));
ALTER TABLE refunds ADD COLUMN kind VARCHAR(16) DEFAULT 'REFUND' NOT NULL;
ALTER TABLE refunds ADD CONSTRAINT ck_refunds_kind CHECK (kind IN ('REFUND', 'VOID'));
ALTER TABLE refunds ADD COLUMN original_request_id VARCHAR(128);
-- fee_refunded_fen (V1) is the total fee returned; this is the installment part of it.
ALTER TABLE refunds ADD COLUMN fee_refunded_installment_fen BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE refunds ALTER COLUMN raw_channel_code SET DATA TYPE VARCHAR(128);
-- Recovery lists the refunds still PENDING.
CREATE INDEX ix_refunds_state ON refunds (state);

-- ---------------------------------------------------------------------------------------------
-- ledger: journal ids are "<payment or refund id>:<kind>", up to 64 + 1 + 10 characters
-- ---------------------------------------------------------------------------------------------

ALTER TABLE ledger_postings DROP CONSTRAINT fk_ledger_postings_journal;
ALTER TABLE ledger_journals ALTER COLUMN journal_id SET DATA TYPE VARCHAR(100);
ALTER TABLE ledger_postings ALTER COLUMN journal_id SET DATA TYPE VARCHAR(100);
ALTER TABLE ledger_postings ADD CONSTRAINT fk_ledger_postings_journal FOREIGN KEY (merchant_id, journal_id)
    REFERENCES ledger_journals (merchant_id, journal_id);
-- The order journals were booked in (a payment's SALE before its FEE, refunds in turn), which their
-- timestamps cannot give when two share a microsecond.
ALTER TABLE ledger_journals ADD COLUMN entry_no BIGINT GENERATED BY DEFAULT AS IDENTITY;
-- The payment service looks payments, refunds and journals up by their own ids (unique across
-- merchants: they are the out_trade_no / out_request_no the channels see), without the merchant.
CREATE INDEX ix_payments_payment_id ON payments (payment_id);
CREATE INDEX ix_refunds_refund_id ON refunds (refund_id);
CREATE INDEX ix_refunds_payment_id ON refunds (payment_id);
CREATE INDEX ix_ledger_journals_payment_id ON ledger_journals (payment_id, entry_no);

-- ---------------------------------------------------------------------------------------------
-- idempotency_keys: owned by the payment store. A key names what it was first used for (SALE, VOID,
-- REFUND) and the payment (and refund record) it created; a retry is compared with that record
-- itself, so the V1 fingerprint / stored response columns of the generic mechanism are dropped.
-- ---------------------------------------------------------------------------------------------

ALTER TABLE idempotency_keys DROP COLUMN fingerprint;
ALTER TABLE idempotency_keys DROP COLUMN response;
ALTER TABLE idempotency_keys DROP COLUMN completed_at;
ALTER TABLE idempotency_keys ADD COLUMN operation VARCHAR(16) DEFAULT 'SALE' NOT NULL;
ALTER TABLE idempotency_keys ADD CONSTRAINT ck_idempotency_keys_operation CHECK (operation IN ('SALE', 'VOID', 'REFUND'));
ALTER TABLE idempotency_keys ADD COLUMN refund_id VARCHAR(64);

-- ---------------------------------------------------------------------------------------------
-- fee_rate_cards: a card's identity, stable across its versions (io.shoudan.fee.RateCardId), which
-- every fee quote names. The rule's kind follows from the method (debit, credit, scan, Huabei).
-- ---------------------------------------------------------------------------------------------

ALTER TABLE fee_rate_cards ADD COLUMN rate_card_id VARCHAR(64);
