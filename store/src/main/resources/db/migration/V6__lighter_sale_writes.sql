-- Writes a sale makes (docs/STORE.md "Sale hot path"): every index and foreign key on a growing table
-- costs each insert and update, so those nothing reads or needs are dropped.

-- Nothing looks journals up by (merchant, payment) — a payment's journals are read by payment_id and
-- entry_no (V2) — nor postings by account: the ledger check streams them all.
DROP INDEX ix_ledger_journals_payment;
-- Usage no longer sums payments by (merchant, created_at): merchant_usage_daily (V4) keeps it.
DROP INDEX ix_payments_merchant_created;
DROP INDEX ix_ledger_postings_account;

-- A request id is unique per merchant in idempotency_keys, whose primary key the payment store claims in
-- the statement that inserts the payment (the payment is written only if the key names it); the same
-- constraint on payments was a second index to update on every insert and every state change.
ALTER TABLE payments DROP CONSTRAINT uq_payments_request;

-- Merchants are never deleted, and a payment is written only after the same request read its merchant;
-- the checks locked the merchant's row (FOR KEY SHARE) on every payment and journal.
ALTER TABLE payments DROP CONSTRAINT fk_payments_merchant;
ALTER TABLE ledger_journals DROP CONSTRAINT fk_ledger_journals_merchant;
ALTER TABLE ledger_postings DROP CONSTRAINT fk_ledger_postings_journal;
