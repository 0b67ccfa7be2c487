-- A message over the size limit is recorded from RFC822.SIZE without downloading its body, so it
-- has no raw hash. (mailbox_id, sha256) stays unique for every message that has one.
ALTER TABLE inbound_mail MODIFY sha256 CHAR(64) NULL;
