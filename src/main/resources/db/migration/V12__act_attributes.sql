-- Issue 7/8: what the scoring rules match on travels with the act itself (journal code, placement kind,
-- role, leader level, upper office, mark or penalty code ...), as a JSON object of strings, so that a
-- recompute of the ledger needs nothing but the act stream. Older rows have none (NULL = no attributes).
ALTER TABLE editorial_act ADD COLUMN attributes VARCHAR(2000) NULL;
