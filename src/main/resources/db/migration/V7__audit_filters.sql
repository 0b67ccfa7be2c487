-- The audit page filters by actor and by action, newest first; without these a filter reads the whole log.
CREATE INDEX ix_audit_actor ON audit_log (actor, id);
CREATE INDEX ix_audit_action ON audit_log (action, id);
