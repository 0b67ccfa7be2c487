-- NEAR_DUPLICATE by index (issue 9, docs/PERFORMANCE.md): the four 16-bit bands of submission.simhash
-- (bits 0-15, 16-31, 32-47, 48-63 of the two's-complement value, each 0..65535), written by Filing with the
-- hash (editorial.SimHashBands). Two hashes within 6 bits agree within 1 bit in at least one band, so the
-- candidates are found by these indexes instead of reading every hash of the 90-day window.
ALTER TABLE submission ADD COLUMN simhash_band0 INT NULL;
ALTER TABLE submission ADD COLUMN simhash_band1 INT NULL;
ALTER TABLE submission ADD COLUMN simhash_band2 INT NULL;
ALTER TABLE submission ADD COLUMN simhash_band3 INT NULL;

-- The submissions filed before: the same bands in portable arithmetic (MySQL, MariaDB, H2), without a
-- product that could overflow. MOD keeps the dividend's sign, hence the + 65536; every division below is of
-- an exact multiple of 65536 (the value less its lower bands), so it is exact in integer and decimal alike.
UPDATE submission SET simhash_band0 = MOD(MOD(simhash, 65536) + 65536, 65536) WHERE simhash IS NOT NULL;
UPDATE submission SET simhash_band1 = MOD(MOD((simhash - simhash_band0) / 65536, 65536) + 65536, 65536)
  WHERE simhash IS NOT NULL;
UPDATE submission SET simhash_band2 = MOD(MOD(((simhash - simhash_band0) / 65536 - simhash_band1) / 65536, 65536) + 65536, 65536)
  WHERE simhash IS NOT NULL;
UPDATE submission SET simhash_band3 = MOD(MOD((((simhash - simhash_band0) / 65536 - simhash_band1) / 65536 - simhash_band2) / 65536,
  65536) + 65536, 65536) WHERE simhash IS NOT NULL;

CREATE INDEX ix_submission_band0 ON submission (simhash_band0, received_at);
CREATE INDEX ix_submission_band1 ON submission (simhash_band1, received_at);
CREATE INDEX ix_submission_band2 ON submission (simhash_band2, received_at);
CREATE INDEX ix_submission_band3 ON submission (simhash_band3, received_at);
