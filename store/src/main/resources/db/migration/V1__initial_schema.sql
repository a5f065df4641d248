-- Shoudan store, version 1.
--
-- Written once for three readers: PostgreSQL, H2 in PostgreSQL mode (MODE=PostgreSQL;
-- DATABASE_TO_LOWER=TRUE) and jOOQ's DDL parser, which generates the Java schema classes at build
-- time. So: plain types only (VARCHAR, BIGINT, INTEGER, BOOLEAN, DATE, TIMESTAMP WITH TIME ZONE),
-- identity columns, no partial indexes, no PL/pgSQL.
--
-- Conventions
--   * money is BIGINT fen in columns named *_fen; no DECIMAL, no floating point.
--   * enum values are stored by their Java name (VARCHAR); the Java side reads them with valueOf,
--     so an unknown value fails loudly.
--   * every table that grows with traffic (payments, refunds, ledger, idempotency, outbox, audit)
--     carries merchant_id, the distribution key: it leads the primary key (or, where a row may have
--     no merchant, the main index) so that a Citus-style distributed PostgreSQL can shard by it and
--     keep one merchant's rows on one node.
--   * times are TIMESTAMP WITH TIME ZONE and named *_at.

-- ---------------------------------------------------------------------------------------------
-- Merchants
-- ---------------------------------------------------------------------------------------------

CREATE TABLE merchants (
    merchant_id    VARCHAR(32)              NOT NULL,
    merchant_type  VARCHAR(32)              NOT NULL,
    status         VARCHAR(32)              NOT NULL,
    mcc            INTEGER                  NOT NULL,
    region_code    VARCHAR(6)               NOT NULL,
    credit_rating  VARCHAR(1)               NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version    INTEGER                  NOT NULL,
    CONSTRAINT pk_merchants PRIMARY KEY (merchant_id),
    CONSTRAINT ck_merchants_mcc CHECK (mcc BETWEEN 0 AND 9999)
);

-- A product absent here is NOT_SIGNED.
CREATE TABLE merchant_products (
    merchant_id  VARCHAR(32)              NOT NULL,
    product      VARCHAR(32)              NOT NULL,
    status       VARCHAR(32)              NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_merchant_products PRIMARY KEY (merchant_id, product),
    CONSTRAINT fk_merchant_products_merchant FOREIGN KEY (merchant_id) REFERENCES merchants (merchant_id)
);

-- Methods the merchant switched off itself.
CREATE TABLE merchant_disabled_methods (
    merchant_id     VARCHAR(32) NOT NULL,
    payment_method  VARCHAR(32) NOT NULL,
    CONSTRAINT pk_merchant_disabled_methods PRIMARY KEY (merchant_id, payment_method),
    CONSTRAINT fk_merchant_disabled_methods_merchant FOREIGN KEY (merchant_id) REFERENCES merchants (merchant_id)
);

-- ---------------------------------------------------------------------------------------------
-- Terminals
-- ---------------------------------------------------------------------------------------------

CREATE TABLE terminal_models (
    model       VARCHAR(40)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_terminal_models PRIMARY KEY (model)
);

CREATE TABLE terminal_model_capabilities (
    model       VARCHAR(40) NOT NULL,
    capability  VARCHAR(32) NOT NULL,
    CONSTRAINT pk_terminal_model_capabilities PRIMARY KEY (model, capability),
    CONSTRAINT fk_terminal_model_capabilities_model FOREIGN KEY (model) REFERENCES terminal_models (model)
);

-- A terminal's hardware is its model's: capabilities are not repeated per terminal.
CREATE TABLE terminals (
    terminal_sn        VARCHAR(40)              NOT NULL,
    merchant_id        VARCHAR(32)              NOT NULL,
    model              VARCHAR(40)              NOT NULL,
    firmware_version   VARCHAR(64)              NOT NULL,
    protocol_version   INTEGER                  NOT NULL,
    status             VARCHAR(32)              NOT NULL,
    signed_on          BOOLEAN                  NOT NULL,
    keys_expire_at     TIMESTAMP WITH TIME ZONE,
    registered_region  VARCHAR(6)               NOT NULL,
    observed_region    VARCHAR(6),
    last_seen_at       TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version        INTEGER                  NOT NULL,
    CONSTRAINT pk_terminals PRIMARY KEY (terminal_sn),
    CONSTRAINT fk_terminals_merchant FOREIGN KEY (merchant_id) REFERENCES merchants (merchant_id),
    CONSTRAINT fk_terminals_model FOREIGN KEY (model) REFERENCES terminal_models (model),
    CONSTRAINT ck_terminals_protocol CHECK (protocol_version >= 0)
);

CREATE INDEX ix_terminals_merchant ON terminals (merchant_id);

-- Methods switched on in the terminal's settings (POS 设置).
CREATE TABLE terminal_enabled_methods (
    terminal_sn     VARCHAR(40) NOT NULL,
    payment_method  VARCHAR(32) NOT NULL,
    CONSTRAINT pk_terminal_enabled_methods PRIMARY KEY (terminal_sn, payment_method),
    CONSTRAINT fk_terminal_enabled_methods_terminal FOREIGN KEY (terminal_sn) REFERENCES terminals (terminal_sn)
);

-- ---------------------------------------------------------------------------------------------
-- Policy, maintenance, channels
-- ---------------------------------------------------------------------------------------------

-- Every version of the eligibility policy document (JSON text, parsed by the server), never updated.
CREATE TABLE policy_versions (
    policy_version  BIGINT                   NOT NULL,
    document        VARCHAR                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    author          VARCHAR(64)              NOT NULL,
    change_comment  VARCHAR(1000)            NOT NULL,
    CONSTRAINT pk_policy_versions PRIMARY KEY (policy_version),
    CONSTRAINT ck_policy_versions_positive CHECK (policy_version > 0)
);

-- Exactly one row: which version is in force. Saving a version locks this row, which serialises
-- concurrent saves so version numbers are gap-free and the "active" pointer never goes backwards
-- by accident.
CREATE TABLE policy_active (
    singleton       INTEGER                  NOT NULL,
    policy_version  BIGINT,
    activated_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_policy_active PRIMARY KEY (singleton),
    CONSTRAINT ck_policy_active_singleton CHECK (singleton = 1),
    CONSTRAINT fk_policy_active_version FOREIGN KEY (policy_version) REFERENCES policy_versions (policy_version)
);

INSERT INTO policy_active (singleton, policy_version, activated_at) VALUES (1, NULL, NULL);

-- channel NULL: the whole platform is under maintenance.
CREATE TABLE maintenance_windows (
    window_id   BIGINT GENERATED BY DEFAULT AS IDENTITY,
    channel     VARCHAR(16),
    starts_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_maintenance_windows PRIMARY KEY (window_id),
    CONSTRAINT ck_maintenance_windows_order CHECK (starts_at < ends_at)
);

CREATE INDEX ix_maintenance_windows_ends ON maintenance_windows (ends_at);

-- The acquirer's connection to each channel.
CREATE TABLE channel_connections (
    channel                VARCHAR(16)              NOT NULL,
    status                 VARCHAR(16)              NOT NULL,
    connected              BOOLEAN                  NOT NULL,
    credential_expires_at  TIMESTAMP WITH TIME ZONE,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_channel_connections PRIMARY KEY (channel)
);

-- ---------------------------------------------------------------------------------------------
-- Fees
-- ---------------------------------------------------------------------------------------------

-- A rate card per merchant and method, versioned; a payment stores the version it was charged with.
-- Rates are parts per million of the amount (0.38 % = 3800), so no fraction is ever stored.
CREATE TABLE fee_rate_cards (
    merchant_id            VARCHAR(32)              NOT NULL,
    payment_method         VARCHAR(32)              NOT NULL,
    rate_card_version      INTEGER                  NOT NULL,
    effective_from         DATE                     NOT NULL,
    effective_to           DATE,
    rate_ppm               INTEGER                  NOT NULL,
    fee_min_fen            BIGINT,
    fee_cap_fen            BIGINT,
    hb_fq_seller_percent   INTEGER,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_fee_rate_cards PRIMARY KEY (merchant_id, payment_method, rate_card_version),
    CONSTRAINT fk_fee_rate_cards_merchant FOREIGN KEY (merchant_id) REFERENCES merchants (merchant_id),
    CONSTRAINT ck_fee_rate_cards_rate CHECK (rate_ppm >= 0 AND rate_ppm <= 1000000),
    CONSTRAINT ck_fee_rate_cards_min CHECK (fee_min_fen IS NULL OR fee_min_fen >= 0),
    CONSTRAINT ck_fee_rate_cards_cap CHECK (fee_cap_fen IS NULL OR fee_cap_fen >= 0),
    CONSTRAINT ck_fee_rate_cards_dates CHECK (effective_to IS NULL OR effective_from < effective_to),
    CONSTRAINT ck_fee_rate_cards_hb_fq CHECK (hb_fq_seller_percent IS NULL OR hb_fq_seller_percent IN (0, 100))
);

-- Huabei installment fee rates of a rate card, per number of installments.
CREATE TABLE fee_installment_rates (
    merchant_id        VARCHAR(32) NOT NULL,
    payment_method     VARCHAR(32) NOT NULL,
    rate_card_version  INTEGER     NOT NULL,
    installments       INTEGER     NOT NULL,
    rate_ppm           INTEGER     NOT NULL,
    CONSTRAINT pk_fee_installment_rates PRIMARY KEY (merchant_id, payment_method, rate_card_version, installments),
    CONSTRAINT fk_fee_installment_rates_card FOREIGN KEY (merchant_id, payment_method, rate_card_version)
        REFERENCES fee_rate_cards (merchant_id, payment_method, rate_card_version),
    CONSTRAINT ck_fee_installment_rates_count CHECK (installments > 0),
    CONSTRAINT ck_fee_installment_rates_rate CHECK (rate_ppm >= 0 AND rate_ppm <= 1000000)
);

-- ---------------------------------------------------------------------------------------------
-- Payments and refunds (distributed by merchant_id)
-- ---------------------------------------------------------------------------------------------

CREATE TABLE payments (
    merchant_id            VARCHAR(32)              NOT NULL,
    payment_id             VARCHAR(64)              NOT NULL,
    request_id             VARCHAR(128)             NOT NULL,
    out_trade_no           VARCHAR(64),
    terminal_sn            VARCHAR(40),
    batch_no               INTEGER,
    trace_no               INTEGER,
    payment_method         VARCHAR(32)              NOT NULL,
    channel                VARCHAR(16)              NOT NULL,
    state                  VARCHAR(32)              NOT NULL,
    amount_fen             BIGINT                   NOT NULL,
    fee_fen                BIGINT,
    rate_card_version      INTEGER,
    installments           INTEGER                  NOT NULL,
    refunded_fen           BIGINT                   NOT NULL,
    payment_code_masked    VARCHAR(32),
    channel_trade_no       VARCHAR(64),
    raw_channel_code       VARCHAR(64),
    raw_channel_message    VARCHAR(512),
    reason_codes           VARCHAR,
    verdict                VARCHAR,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at           TIMESTAMP WITH TIME ZONE,
    settled_at             TIMESTAMP WITH TIME ZONE,
    row_version            INTEGER                  NOT NULL,
    CONSTRAINT pk_payments PRIMARY KEY (merchant_id, payment_id),
    CONSTRAINT uq_payments_request UNIQUE (merchant_id, request_id),
    CONSTRAINT fk_payments_merchant FOREIGN KEY (merchant_id) REFERENCES merchants (merchant_id),
    CONSTRAINT ck_payments_state CHECK (state IN ('CREATED', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'DECLINED',
        'UNKNOWN', 'REVERSED', 'VOIDED', 'PARTIALLY_REFUNDED', 'REFUNDED')),
    CONSTRAINT ck_payments_amount CHECK (amount_fen > 0),
    CONSTRAINT ck_payments_fee CHECK (fee_fen IS NULL OR fee_fen >= 0),
    CONSTRAINT ck_payments_refunded CHECK (refunded_fen >= 0 AND refunded_fen <= amount_fen),
    CONSTRAINT ck_payments_installments CHECK (installments >= 0)
);

-- Usage today / this month (SUM by merchant, method, time range) and the merchant's payment list.
CREATE INDEX ix_payments_merchant_created ON payments (merchant_id, created_at);
-- Recovery on start-up scans the payments left PROCESSING or UNKNOWN.
CREATE INDEX ix_payments_state ON payments (state, updated_at);
-- A terminal's void / reversal finds the original by terminal and trace.
CREATE INDEX ix_payments_terminal_trace ON payments (merchant_id, terminal_sn, batch_no, trace_no);

CREATE TABLE refunds (
    merchant_id            VARCHAR(32)              NOT NULL,
    refund_id              VARCHAR(64)              NOT NULL,
    payment_id             VARCHAR(64)              NOT NULL,
    request_id             VARCHAR(128)             NOT NULL,
    state                  VARCHAR(32)              NOT NULL,
    amount_fen             BIGINT                   NOT NULL,
    fee_refunded_fen       BIGINT,
    channel_refund_no      VARCHAR(64),
    raw_channel_code       VARCHAR(64),
    raw_channel_message    VARCHAR(512),
    reason_codes           VARCHAR,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at           TIMESTAMP WITH TIME ZONE,
    row_version            INTEGER                  NOT NULL,
    CONSTRAINT pk_refunds PRIMARY KEY (merchant_id, refund_id),
    CONSTRAINT uq_refunds_request UNIQUE (merchant_id, request_id),
    CONSTRAINT fk_refunds_payment FOREIGN KEY (merchant_id, payment_id) REFERENCES payments (merchant_id, payment_id),
    CONSTRAINT ck_refunds_state CHECK (state IN ('CREATED', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'UNKNOWN')),
    CONSTRAINT ck_refunds_amount CHECK (amount_fen > 0),
    CONSTRAINT ck_refunds_fee CHECK (fee_refunded_fen IS NULL OR fee_refunded_fen >= 0)
);

CREATE INDEX ix_refunds_payment ON refunds (merchant_id, payment_id);

-- ---------------------------------------------------------------------------------------------
-- Ledger (double entry, distributed by merchant_id)
-- ---------------------------------------------------------------------------------------------

-- One journal per money movement: PAYMENT, FEE, REFUND, VOID, REVERSAL. Its postings sum to zero.
CREATE TABLE ledger_journals (
    merchant_id   VARCHAR(32)              NOT NULL,
    journal_id    VARCHAR(64)              NOT NULL,
    kind          VARCHAR(32)              NOT NULL,
    payment_id    VARCHAR(64),
    refund_id     VARCHAR(64),
    description   VARCHAR(256),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_ledger_journals PRIMARY KEY (merchant_id, journal_id),
    CONSTRAINT fk_ledger_journals_merchant FOREIGN KEY (merchant_id) REFERENCES merchants (merchant_id)
);

CREATE INDEX ix_ledger_journals_payment ON ledger_journals (merchant_id, payment_id);

-- amount_fen is signed: debit positive, credit negative, so a journal balances when SUM = 0.
-- account is the account's code, e.g. MERCHANT_PAYABLE:M100001, CHANNEL_RECEIVABLE:ALIPAY, FEE_INCOME.
CREATE TABLE ledger_postings (
    merchant_id   VARCHAR(32)              NOT NULL,
    journal_id    VARCHAR(64)              NOT NULL,
    posting_no    INTEGER                  NOT NULL,
    account       VARCHAR(96)              NOT NULL,
    amount_fen    BIGINT                   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_ledger_postings PRIMARY KEY (merchant_id, journal_id, posting_no),
    CONSTRAINT fk_ledger_postings_journal FOREIGN KEY (merchant_id, journal_id)
        REFERENCES ledger_journals (merchant_id, journal_id),
    CONSTRAINT ck_ledger_postings_nonzero CHECK (amount_fen <> 0)
);

CREATE INDEX ix_ledger_postings_account ON ledger_postings (merchant_id, account);

-- ---------------------------------------------------------------------------------------------
-- Idempotency, outbox, audit (distributed by merchant_id)
-- ---------------------------------------------------------------------------------------------

-- A request key is a terminal's (sn, batch, trace) or a merchant's out_trade_no. The fingerprint is
-- a digest of the request's content: the same key with another fingerprint is a changed retry.
CREATE TABLE idempotency_keys (
    merchant_id    VARCHAR(32)              NOT NULL,
    request_key    VARCHAR(128)             NOT NULL,
    fingerprint    VARCHAR(128)             NOT NULL,
    payment_id     VARCHAR(64),
    response       VARCHAR,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_idempotency_keys PRIMARY KEY (merchant_id, request_key)
);

-- Messages to deliver after the transaction that produced them commits (notifications, events).
-- message_id comes from one identity, so it orders messages across merchants too.
CREATE TABLE outbox (
    merchant_id     VARCHAR(32)              NOT NULL,
    message_id      BIGINT GENERATED BY DEFAULT AS IDENTITY,
    topic           VARCHAR(64)              NOT NULL,
    payload         VARCHAR                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INTEGER                  NOT NULL,
    leased_by       VARCHAR(64),
    leased_until    TIMESTAMP WITH TIME ZONE,
    sent_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_outbox PRIMARY KEY (merchant_id, message_id)
);

CREATE INDEX ix_outbox_pending ON outbox (sent_at, message_id);

-- Who changed what. merchant_id is NULL for platform-wide changes (policy, maintenance).
CREATE TABLE audit_log (
    entry_id      BIGINT GENERATED BY DEFAULT AS IDENTITY,
    merchant_id   VARCHAR(32),
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(64)              NOT NULL,
    action        VARCHAR(64)              NOT NULL,
    subject       VARCHAR(128)             NOT NULL,
    detail        VARCHAR,
    CONSTRAINT pk_audit_log PRIMARY KEY (entry_id)
);

CREATE INDEX ix_audit_log_merchant ON audit_log (merchant_id, entry_id);
CREATE INDEX ix_audit_log_subject ON audit_log (subject, entry_id);
