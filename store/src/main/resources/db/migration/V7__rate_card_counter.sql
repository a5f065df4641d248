-- Rate cards join the configuration a gateway node keeps in memory (V4's config_versions): a sale's
-- snapshot reads this counter, RateCardRepository raises it in the transaction of every saved card, and
-- a node drops the cards it holds when the number moves (docs/STORE.md "Sale hot path").
INSERT INTO config_versions (subject, version) VALUES ('fee_rate_cards', 1);
