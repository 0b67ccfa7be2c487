-- Issue 8 items 5 and 6: period bulletins (通报), ADR 0025. A bulletin is generated for one profile period
-- and some (or all) of its sequences, in the background: the row exists from the request on (GENERATING,
-- with its progress), holds the computed numbers once done (DRAFT) and is frozen when an administrator
-- publishes it (PUBLISHED). The numbers are a snapshot: gzip-compressed JSON of every table, alert and
-- ledger line the bulletin shows, with the count and sum of the period's ledger rows it was computed from,
-- so a published bulletin never changes when the ledger later does. The files published (XLSX and DOCX)
-- are blobs of the archive's content-addressed store, named here by their SHA-256.
CREATE TABLE bulletin (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  profile_id       VARCHAR(64)   NOT NULL,
  period_kind      VARCHAR(8)    NOT NULL,
  period_key       VARCHAR(16)   NOT NULL,
  sequences        VARCHAR(500)  NOT NULL,
  state            VARCHAR(16)   NOT NULL,
  stage            VARCHAR(32)   NULL,
  progress_done    INT           NOT NULL DEFAULT 0,
  progress_total   INT           NOT NULL DEFAULT 0,
  requested_at     DATETIME(3)   NOT NULL,
  requested_by     VARCHAR(64)   NOT NULL,
  generated_at     DATETIME(3)   NULL,
  error            VARCHAR(1000) NULL,
  snapshot         LONGBLOB      NULL,
  snapshot_sha256  CHAR(64)      NULL,
  ledger_lines     BIGINT        NULL,
  ledger_points    DECIMAL(14,2) NULL,
  issue_year       INT           NULL,
  issue_no         INT           NULL,
  corrects_id      BIGINT        NULL,
  published_at     DATETIME(3)   NULL,
  published_by     VARCHAR(64)   NULL,
  xlsx_sha256      CHAR(64)      NULL,
  docx_sha256      CHAR(64)      NULL,
  mails_queued     INT           NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_bulletin_issue UNIQUE (profile_id, issue_year, issue_no),
  CONSTRAINT fk_bulletin_corrects FOREIGN KEY (corrects_id) REFERENCES bulletin (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_bulletin_period ON bulletin (profile_id, period_kind, period_key, state);
