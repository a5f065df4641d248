-- The ISO 8583 terminal endpoint's state (docs/ISO8583.md, docs/STORE.md "Terminal endpoint (V3)").
-- Keys are never stored in clear: every key column holds a MasterKeyCipher blob (AES-256-GCM under the
-- configured master key, bound to the key's identity), base64 text so one type serves both databases.

-- What a POS says it is (field 41 terminal id, field 42 merchant id) → the terminal and merchant in Shoudan.
CREATE TABLE terminal_directory (
    pos_terminal_id  VARCHAR(8)               NOT NULL,
    pos_acceptor_id  VARCHAR(15)              NOT NULL,
    terminal_sn      VARCHAR(40)              NOT NULL,
    merchant_id      VARCHAR(32)              NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_terminal_directory PRIMARY KEY (pos_terminal_id, pos_acceptor_id),
    CONSTRAINT uq_terminal_directory_sn UNIQUE (terminal_sn)
);

-- A terminal's TMK (loaded at deployment) and the working keys of its last sign-on. A sign-on is one
-- UPDATE of the row, so the old MAK stops verifying the moment the new one is stored.
CREATE TABLE terminal_keys (
    terminal_sn      VARCHAR(40)              NOT NULL,
    key_scheme       VARCHAR(16)              NOT NULL,
    mac_algorithm    VARCHAR(32)              NOT NULL,
    tmk_sealed       VARCHAR(200)             NOT NULL,
    pik_sealed       VARCHAR(200),
    mak_sealed       VARCHAR(200),
    session_issued_at  TIMESTAMP WITH TIME ZONE,
    session_expires_at TIMESTAMP WITH TIME ZONE,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_terminal_keys PRIMARY KEY (terminal_sn),
    CONSTRAINT ck_terminal_keys_session CHECK ((pik_sealed IS NULL AND mak_sealed IS NULL AND session_issued_at IS NULL
        AND session_expires_at IS NULL) OR (pik_sealed IS NOT NULL AND mak_sealed IS NOT NULL
        AND session_issued_at IS NOT NULL AND session_expires_at IS NOT NULL AND session_expires_at > session_issued_at))
);

-- Approved transactions per (terminal, batch, trace), for settlement (0500) and batch upload (0320).
CREATE TABLE batch_journal (
    terminal_sn      VARCHAR(40)              NOT NULL,
    batch_no         INTEGER                  NOT NULL,
    trace_no         INTEGER                  NOT NULL,
    kind             VARCHAR(8)               NOT NULL,
    amount_fen       BIGINT                   NOT NULL,
    request_id       VARCHAR(64)              NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_batch_journal PRIMARY KEY (terminal_sn, batch_no, trace_no),
    CONSTRAINT ck_batch_journal_kind CHECK (kind IN ('SALE', 'VOID', 'REFUND')),
    CONSTRAINT ck_batch_journal_numbers CHECK (batch_no BETWEEN 0 AND 999999 AND trace_no BETWEEN 0 AND 999999),
    CONSTRAINT ck_batch_journal_amount CHECK (amount_fen > 0)
);

-- Card data of card sales, encrypted (AES-256-GCM under a key derived from the master key); kept until
-- the retention limit, then purged. The PIN block stays encrypted under the terminal's PIK (never
-- decrypted here) and is dropped once the channel has translated it.
CREATE TABLE card_vault (
    card_token       VARCHAR(64)              NOT NULL,
    request_id       VARCHAR(64)              NOT NULL,
    card_sealed      VARCHAR(1000)            NOT NULL,
    pin_block        VARCHAR(64),
    pik_check_value  VARCHAR(16),
    deposited_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_card_vault PRIMARY KEY (card_token)
);
CREATE INDEX ix_card_vault_deposited_at ON card_vault (deposited_at);
