-- Screening, filing and replies (issue 4).

-- Commissions (约稿): created now so that 【约稿:code】 replies can be checked; editors manage them later.
CREATE TABLE commission (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  profile_id      VARCHAR(64)   NOT NULL,
  code            VARCHAR(32)   NOT NULL,
  topic           VARCHAR(300)  NOT NULL,
  requirements    TEXT          NULL,
  deadline        DATETIME(3)   NOT NULL,
  state           VARCHAR(16)   NOT NULL,
  created_by      VARCHAR(64)   NOT NULL,
  created_at      DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_commission_code UNIQUE (profile_id, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The attachments of a filed submission and what each is to it: the REPORT (one per mail) or a PHOTO (配图).
CREATE TABLE submission_attachment (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  submission_id   BIGINT        NOT NULL,
  role            VARCHAR(16)   NOT NULL,
  filename        VARCHAR(500)  NULL,
  stored_name     VARCHAR(255)  NULL,
  content_type    VARCHAR(255)  NULL,
  size_bytes      BIGINT        NOT NULL,
  sha256          CHAR(64)      NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_attachment_submission FOREIGN KEY (submission_id) REFERENCES submission (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_attachment_submission ON submission_attachment (submission_id);

-- Tracking numbers (GZ-2026-000123): one counter per profile and year, advanced under a row lock.
CREATE TABLE tracking_counter (
  profile_id      VARCHAR(64)   NOT NULL,
  year_no         INT           NOT NULL,
  last_no         BIGINT        NOT NULL,
  PRIMARY KEY (profile_id, year_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The outbox: the reason set of a rejection (for the one-per-hour limit), why a reply was not sent,
-- and the inbound message that bounced it.
ALTER TABLE outbound_mail ADD COLUMN reason_key VARCHAR(300) NULL;
ALTER TABLE outbound_mail ADD COLUMN bounced_by BIGINT NULL;
ALTER TABLE outbound_mail ADD COLUMN lease_owner VARCHAR(100) NULL;
CREATE INDEX ix_outbound_rate ON outbound_mail (to_addr, kind, reason_key, created_at);

-- The unit a message is counted for (the sender's registered unit), for statistics per unit.
ALTER TABLE inbound_mail ADD COLUMN unit_id BIGINT NULL;
CREATE INDEX ix_inbound_unit ON inbound_mail (unit_id, received_at);
