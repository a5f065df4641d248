-- Diagnose contract version 2: what onboarding and the fleet know about a merchant's products and a
-- terminal, so that the live form of diagnose and every refused sale can name it (docs/STORE.md).

-- A product's onboarding state beside its status: since when, whether the merchant confirmed the
-- account opening with the channel (WeChat Pay's authorize_state), and what the channel last reported.
ALTER TABLE merchant_products ADD COLUMN since_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE merchant_products ADD COLUMN consent BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE merchant_products ADD COLUMN channel_status VARCHAR(32);
ALTER TABLE merchant_products ADD COLUMN channel_checked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE merchant_products ADD CONSTRAINT ck_merchant_products_checked
    CHECK (channel_checked_at IS NULL OR channel_status IS NOT NULL);

-- The reviewer's rejection of a REJECTED product, item by item, in the reviewer's order.
CREATE TABLE merchant_product_rejections (
    merchant_id  VARCHAR(32)   NOT NULL,
    product      VARCHAR(32)   NOT NULL,
    item_no      INTEGER       NOT NULL,
    field        VARCHAR(64)   NOT NULL,
    reason       VARCHAR(1000) NOT NULL,
    CONSTRAINT pk_merchant_product_rejections PRIMARY KEY (merchant_id, product, item_no),
    CONSTRAINT fk_merchant_product_rejections_product FOREIGN KEY (merchant_id, product)
        REFERENCES merchant_products (merchant_id, product) ON DELETE CASCADE
);

-- The parameter set version a terminal holds (NULL: unknown, not checked) and the devices it reported
-- as faulty in its last status upload.
ALTER TABLE terminals ADD COLUMN parameter_version INTEGER;
ALTER TABLE terminals ADD CONSTRAINT ck_terminals_parameter_version CHECK (parameter_version IS NULL OR parameter_version >= 0);

CREATE TABLE terminal_faults (
    terminal_sn  VARCHAR(40) NOT NULL,
    capability   VARCHAR(32) NOT NULL,
    CONSTRAINT pk_terminal_faults PRIMARY KEY (terminal_sn, capability),
    CONSTRAINT fk_terminal_faults_terminal FOREIGN KEY (terminal_sn) REFERENCES terminals (terminal_sn)
);
