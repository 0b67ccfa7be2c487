-- Issue 6, operations pages: the quarantine (quarantined, not discarded) is counted on every dashboard
-- load and listed newest first. Discarded messages stay QUARANTINED in the log (years of silently
-- quarantined spam add up), so the count must not visit their rows: this index answers it alone.
CREATE INDEX ix_inbound_quarantine ON inbound_mail (status, discarded_at);
