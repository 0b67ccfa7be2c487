-- At-least-once outbox (ADR 0024). handed_at: a claimed mail is being handed to the relay (set before
-- the first byte, cleared by the SENT mark or a failure). A pass that claims a row still stamped knows
-- the previous pass died mid hand-over: the relay may have the mail. It counts that in in_doubt and
-- sends the mail again with the same Message-ID, so a duplicate is recognisable and counted.
ALTER TABLE outbound_mail ADD COLUMN handed_at DATETIME(3) NULL;
ALTER TABLE outbound_mail ADD COLUMN in_doubt INT NOT NULL DEFAULT 0;
