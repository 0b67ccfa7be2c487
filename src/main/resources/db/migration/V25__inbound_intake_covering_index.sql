-- Issue 8, bulletin benchmark (docs/PERFORMANCE.md "Bulletins", run F5): the intake of a bulletin
-- (InboundMapper.intake: messages received in a period, counted per unit, status and reason codes) read the
-- whole of inbound_mail (the optimizer found the range of ix_inbound_received too wide to look up each row).
-- An index of the columns it reads makes it a range of the index alone. reason_codes is narrowed from 1000 to
-- 700 characters so that the index fits InnoDB's 3072-byte key (utf8mb4: 4 bytes a character; 7 + 9 + 66 +
-- 2803 bytes): it holds a comma-separated set of the spec's reason codes, all of them together about 520
-- characters. A row with a longer value makes this migration fail (strict mode); none is truncated.
ALTER TABLE inbound_mail MODIFY reason_codes VARCHAR(700) NULL;
CREATE INDEX ix_inbound_intake ON inbound_mail (received_at, unit_id, status, reason_codes);
