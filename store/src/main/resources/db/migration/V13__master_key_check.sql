-- Which master key seals this store's keys and card data (docs/STORE.md "Master key check (V10)"). The first node
-- to start records it; every later start, on any node, must open sealed_probe or refuses to serve, so a node given
-- another master key stops at once, naming the setting, instead of failing on the first terminal's keys.
-- One row. No key is stored: sealed_probe is a random key sealed under the master key (MasterKeyCipher, bound to
-- 'store:master-key-check'), check_value the master key's KCV (4 bytes hex) for the operator's message.
CREATE TABLE master_key_check (
    id               SMALLINT                 NOT NULL,
    check_value      VARCHAR(8)               NOT NULL,
    sealed_probe     VARCHAR(200)             NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_master_key_check PRIMARY KEY (id),
    CONSTRAINT ck_master_key_check_one_row CHECK (id = 1)
);
