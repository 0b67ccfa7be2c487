-- Issue 6: the web UI. Every write made through it is audited; submissions are edited in versions,
-- claimed by one editor, and quarantined mail can be discarded with a reason (kept, not deleted).

CREATE TABLE audit_log (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  occurred_at     DATETIME(3)   NOT NULL,
  actor           VARCHAR(64)   NOT NULL,
  action          VARCHAR(64)   NOT NULL,
  target_type     VARCHAR(32)   NULL,
  target_id       VARCHAR(64)   NULL,
  detail          TEXT          NULL,
  remote_addr     VARCHAR(64)   NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_audit_time ON audit_log (occurred_at);
CREATE INDEX ix_audit_target ON audit_log (target_type, target_id);

CREATE TABLE submission_version (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  submission_id   BIGINT        NOT NULL,
  version_no      INT           NOT NULL,
  report_type     VARCHAR(32)   NOT NULL,
  title           VARCHAR(300)  NOT NULL,
  body_text       MEDIUMTEXT    NULL,
  editor          VARCHAR(64)   NOT NULL,
  note            VARCHAR(500)  NULL,
  created_at      DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_version UNIQUE (submission_id, version_no),
  CONSTRAINT fk_version_submission FOREIGN KEY (submission_id) REFERENCES submission (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

ALTER TABLE submission ADD COLUMN claimed_at DATETIME(3) NULL;
ALTER TABLE submission ADD COLUMN state_note VARCHAR(1000) NULL;
-- what each flag means for this submission (e.g. NEAR_DUPLICATE: 与 GZ-2026-000012 内容相近), one "CODE\tdetail" per line
ALTER TABLE submission ADD COLUMN flag_notes TEXT NULL;
CREATE INDEX ix_submission_claimed ON submission (claimed_by, state);

ALTER TABLE inbound_mail ADD COLUMN discarded_at DATETIME(3) NULL;
ALTER TABLE inbound_mail ADD COLUMN discarded_by VARCHAR(64) NULL;
ALTER TABLE inbound_mail ADD COLUMN discard_reason VARCHAR(500) NULL;
