-- A request id is a type (io.shoudan.payment.RequestId), built where the request enters: a POS terminal's
-- (field 41, batch, trace), a terminal's reversal of one, or a client's own id. The rows hold its parts, so
-- that a terminal payment's batch and trace are columns, read back without parsing request_id (which stays:
-- it is the idempotency key's text). request_kind: CLIENT, TERMINAL or REVERSAL; the terminal's parts are set
-- exactly when it is not CLIENT.
ALTER TABLE payments ADD COLUMN request_kind VARCHAR(8) DEFAULT 'CLIENT' NOT NULL;
ALTER TABLE payments ADD COLUMN terminal_id VARCHAR(8);

ALTER TABLE refunds ADD COLUMN request_kind VARCHAR(8) DEFAULT 'CLIENT' NOT NULL;
ALTER TABLE refunds ADD COLUMN terminal_id VARCHAR(8);
ALTER TABLE refunds ADD COLUMN batch_no INTEGER;
ALTER TABLE refunds ADD COLUMN trace_no INTEGER;
ALTER TABLE refunds ADD COLUMN original_kind VARCHAR(8) DEFAULT 'CLIENT' NOT NULL;
ALTER TABLE refunds ADD COLUMN original_terminal_id VARCHAR(8);
ALTER TABLE refunds ADD COLUMN original_batch_no INTEGER;
ALTER TABLE refunds ADD COLUMN original_trace_no INTEGER;

ALTER TABLE batch_journal ADD COLUMN terminal_id VARCHAR(8);

-- Rows written before: the ISO 8583 endpoint was the only writer of ids of the form
-- <8 letters or digits>-<6 digits>-<6 digits> (a reversal's void with -R after it), and every batch_journal row
-- is one of its requests. Split once, here.
UPDATE payments SET request_kind = 'TERMINAL', terminal_id = SUBSTRING(request_id FROM 1 FOR 8),
    batch_no = CAST(SUBSTRING(request_id FROM 10 FOR 6) AS INTEGER), trace_no = CAST(SUBSTRING(request_id FROM 17 FOR 6) AS INTEGER)
    WHERE CHAR_LENGTH(request_id) = 22 AND request_id LIKE '________-______-______';
UPDATE refunds SET request_kind = CASE WHEN CHAR_LENGTH(request_id) = 24 THEN 'REVERSAL' ELSE 'TERMINAL' END,
    terminal_id = SUBSTRING(request_id FROM 1 FOR 8),
    batch_no = CAST(SUBSTRING(request_id FROM 10 FOR 6) AS INTEGER), trace_no = CAST(SUBSTRING(request_id FROM 17 FOR 6) AS INTEGER)
    WHERE (CHAR_LENGTH(request_id) = 22 AND request_id LIKE '________-______-______')
       OR (CHAR_LENGTH(request_id) = 24 AND request_id LIKE '________-______-______-R');
UPDATE refunds SET original_kind = 'TERMINAL', original_terminal_id = SUBSTRING(original_request_id FROM 1 FOR 8),
    original_batch_no = CAST(SUBSTRING(original_request_id FROM 10 FOR 6) AS INTEGER),
    original_trace_no = CAST(SUBSTRING(original_request_id FROM 17 FOR 6) AS INTEGER)
    WHERE CHAR_LENGTH(original_request_id) = 22 AND original_request_id LIKE '________-______-______';
-- A client's id of the form <6 digits>-<6 digits> had its digits taken for a batch and trace before: not a terminal's.
UPDATE payments SET batch_no = NULL, trace_no = NULL WHERE request_kind = 'CLIENT';
UPDATE batch_journal SET terminal_id = SUBSTRING(request_id FROM 1 FOR 8);
ALTER TABLE batch_journal ALTER COLUMN terminal_id SET NOT NULL;

ALTER TABLE payments ADD CONSTRAINT ck_payments_request_kind CHECK (request_kind IN ('CLIENT', 'TERMINAL')
    AND (request_kind = 'CLIENT') = (terminal_id IS NULL));
ALTER TABLE refunds ADD CONSTRAINT ck_refunds_request_kind CHECK (request_kind IN ('CLIENT', 'TERMINAL', 'REVERSAL')
    AND original_kind IN ('CLIENT', 'TERMINAL') AND (request_kind = 'CLIENT') = (terminal_id IS NULL)
    AND (original_kind = 'CLIENT') = (original_terminal_id IS NULL));
