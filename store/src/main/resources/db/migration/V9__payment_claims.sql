-- Which node is acting on an unresolved payment at its channel (querying, cancelling), and until when: a node
-- claims a PROCESSING / UNKNOWN payment before it acts on it and releases it after, so that a terminal's reversal
-- or a recovery on another node never cancels beside a query loop (PaymentStore.claim). Not part of the payment:
-- a claim changes no row_version. An expired claim (claimed_until passed) can be taken over.
ALTER TABLE payments ADD COLUMN claimed_by VARCHAR(64);
ALTER TABLE payments ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
