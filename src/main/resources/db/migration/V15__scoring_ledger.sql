-- Issue 8: the scoring engine. Every ledger line belongs to a scope: the acts of one submission
-- (submission:<id>), the acts about one row without a submission (ref:commission:<id>), one lone act
-- (act:<id>), one accepted submission's quantity row (accepted:<id>) or one period close
-- (close:<kind>:<key>). When an act is recorded its scope is derived again from the act stream and only
-- the difference is written (reversing rows and new rows); score_scope is the row locked meanwhile, so two
-- transactions never derive the same scope at once. Quantity rows carry the report type (quotas of one
-- type, e.g. Changchun's research reports).

ALTER TABLE score_entry ADD COLUMN scope_key VARCHAR(80) NULL;
ALTER TABLE score_entry ADD COLUMN report_type VARCHAR(32) NULL;
UPDATE score_entry SET scope_key = CONCAT('accepted:', submission_id),
  report_type = (SELECT s.report_type FROM submission s WHERE s.id = score_entry.submission_id)
  WHERE event_kind = 'SUBMISSION_ACCEPTED';
CREATE INDEX ix_score_scope ON score_entry (profile_id, scope_key);
CREATE INDEX ix_score_week ON score_entry (profile_id, period_week, unit_id);
CREATE INDEX ix_score_unit ON score_entry (unit_id, profile_id, period_year);

CREATE TABLE score_scope (
  profile_id      VARCHAR(64)   NOT NULL,
  scope_key       VARCHAR(80)   NOT NULL,
  touched_at      DATETIME(3)   NOT NULL,
  PRIMARY KEY (profile_id, scope_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A closed assessment period: its close rows (quotas, base points, normalisation, target status) are in
-- score_entry under the scope close:<kind>:<key>. A period is closed once; an administrator may close it
-- again explicitly, which writes only the difference (close_count counts the closes).
CREATE TABLE period_close (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  profile_id      VARCHAR(64)   NOT NULL,
  period_kind     VARCHAR(8)    NOT NULL,
  period_key      VARCHAR(16)   NOT NULL,
  period_start    DATE          NOT NULL,
  period_end      DATE          NOT NULL,
  closed_at       DATETIME(3)   NOT NULL,
  closed_by       VARCHAR(64)   NOT NULL,
  close_count     INT           NOT NULL,
  last_closed_at  DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_period_close UNIQUE (profile_id, period_kind, period_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
