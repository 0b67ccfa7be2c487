-- Baosong baseline schema. MySQL dialect, utf8mb4; runs unchanged on MySQL 8 / MariaDB 10.11+
-- and on H2 in MySQL mode (the embedded default). Times are DATETIME(3) holding UTC.
-- Names follow DESIGN.md (Data); the keys follow spec/intake.md and spec/submission-rules.md.

-- Mailboxes configured under baosong.mailboxes[...]; the row is kept in step with the
-- configuration at start-up so that inbound mail can reference it and history survives removal.
CREATE TABLE mailbox (
  id            VARCHAR(64)  NOT NULL,
  protocol      VARCHAR(8)   NOT NULL,
  host          VARCHAR(255) NOT NULL,
  port          INT          NOT NULL,
  username      VARCHAR(320) NOT NULL,
  folder        VARCHAR(255) NOT NULL,
  profile_id    VARCHAR(64)  NOT NULL,
  active        BOOLEAN      NOT NULL,
  created_at    DATETIME(3)  NOT NULL,
  updated_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The IMAP UID cursor: highest UID durably received per (mailbox, UIDVALIDITY).
CREATE TABLE mailbox_cursor (
  mailbox_id    VARCHAR(64)  NOT NULL,
  uidvalidity   BIGINT       NOT NULL,
  last_uid      BIGINT       NOT NULL,
  updated_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (mailbox_id, uidvalidity),
  CONSTRAINT fk_cursor_mailbox FOREIGN KEY (mailbox_id) REFERENCES mailbox (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Stage 1, durable receipt: one row per message, written in the same commit as the archived raw bytes.
-- IMAP rows carry (uidvalidity, uid); POP3 rows carry uidl. Either way (mailbox_id, sha256) is unique:
-- the same raw message fetched twice is one row.
CREATE TABLE inbound_mail (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  mailbox_id      VARCHAR(64)   NOT NULL,
  uidvalidity     BIGINT        NULL,
  uid             BIGINT        NULL,
  uidl            VARCHAR(70)   NULL,
  internal_date   DATETIME(3)   NULL,
  size_bytes      BIGINT        NOT NULL,
  sha256          CHAR(64)      NOT NULL,
  raw_blob        VARCHAR(100)  NULL,
  message_id      VARCHAR(500)  NULL,
  from_addr       VARCHAR(320)  NULL,
  subject         VARCHAR(1000) NULL,
  received_at     DATETIME(3)   NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  reason_codes    VARCHAR(1000) NULL,
  processed_at    DATETIME(3)   NULL,
  attempts        INT           NOT NULL DEFAULT 0,
  last_error      TEXT          NULL,
  lease_owner     VARCHAR(100)  NULL,
  lease_until     DATETIME(3)   NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_inbound_uid   UNIQUE (mailbox_id, uidvalidity, uid),
  CONSTRAINT uk_inbound_uidl  UNIQUE (mailbox_id, uidl),
  CONSTRAINT uk_inbound_sha   UNIQUE (mailbox_id, sha256),
  CONSTRAINT fk_inbound_mailbox FOREIGN KEY (mailbox_id) REFERENCES mailbox (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_inbound_status ON inbound_mail (status, id);
CREATE INDEX ix_inbound_message_id ON inbound_mail (message_id);
CREATE INDEX ix_inbound_received ON inbound_mail (received_at);

-- MIME parts of an inbound message that matter to screening and editors (bodies, attachments, inline images).
CREATE TABLE inbound_part (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  inbound_id      BIGINT        NOT NULL,
  part_path       VARCHAR(100)  NOT NULL,
  role            VARCHAR(16)   NOT NULL,
  declared_type   VARCHAR(255)  NULL,
  detected_type   VARCHAR(255)  NULL,
  charset         VARCHAR(40)   NULL,
  filename        VARCHAR(500)  NULL,
  stored_name     VARCHAR(255)  NULL,
  size_bytes      BIGINT        NOT NULL,
  sha256          CHAR(64)      NULL,
  blob_ref        VARCHAR(100)  NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_part_path UNIQUE (inbound_id, part_path),
  CONSTRAINT fk_part_inbound FOREIGN KEY (inbound_id) REFERENCES inbound_mail (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_part_sha ON inbound_part (sha256);

-- Registry: units (报送单位) in sequences (序列) of the jurisdiction profile.
-- name_key / short_name_key hold the NFKC-normalized lookup form; uniqueness across names, short
-- names and aliases is checked by the registry before writing.
CREATE TABLE unit (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  code            VARCHAR(32)   NOT NULL,
  name            VARCHAR(100)  NOT NULL,
  name_key        VARCHAR(100)  NOT NULL,
  short_name      VARCHAR(50)   NULL,
  short_name_key  VARCHAR(50)   NULL,
  sequence_code   VARCHAR(32)   NOT NULL,
  parent_unit_id  BIGINT        NULL,
  sort_order      INT           NOT NULL DEFAULT 0,
  active          BOOLEAN       NOT NULL,
  created_at      DATETIME(3)   NOT NULL,
  updated_at      DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_unit_code UNIQUE (code),
  CONSTRAINT uk_unit_name_key UNIQUE (name_key),
  CONSTRAINT fk_unit_parent FOREIGN KEY (parent_unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_unit_short_key ON unit (short_name_key);
CREATE INDEX ix_unit_sequence ON unit (sequence_code, sort_order);

CREATE TABLE unit_alias (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  unit_id         BIGINT        NOT NULL,
  alias           VARCHAR(100)  NOT NULL,
  alias_key       VARCHAR(100)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_alias_key UNIQUE (alias_key),
  CONSTRAINT fk_alias_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Informants (信息员), registered per unit (信息员登记备案制度), with one or more addresses.
CREATE TABLE informant (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  unit_id         BIGINT        NOT NULL,
  name            VARCHAR(50)   NOT NULL,
  title           VARCHAR(100)  NULL,
  phone           VARCHAR(40)   NULL,
  active          BOOLEAN       NOT NULL,
  registered_on   DATE          NULL,
  note            VARCHAR(500)  NULL,
  created_at      DATETIME(3)   NOT NULL,
  updated_at      DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_informant_unit_name UNIQUE (unit_id, name),
  CONSTRAINT fk_informant_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- address_key is the normalized address (NFKC, trimmed, lower case): one informant per address.
CREATE TABLE informant_address (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  informant_id    BIGINT        NOT NULL,
  address         VARCHAR(320)  NOT NULL,
  address_key     VARCHAR(320)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_address_key UNIQUE (address_key),
  CONSTRAINT fk_address_informant FOREIGN KEY (informant_id) REFERENCES informant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Accepted reports. One submission per inbound message; the tracking number is what units quote.
CREATE TABLE submission (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  tracking_no     VARCHAR(32)   NOT NULL,
  inbound_id      BIGINT        NOT NULL,
  profile_id      VARCHAR(64)   NOT NULL,
  unit_id         BIGINT        NOT NULL,
  informant_id    BIGINT        NULL,
  sequence_code   VARCHAR(32)   NOT NULL,
  report_type     VARCHAR(32)   NOT NULL,
  title           VARCHAR(300)  NOT NULL,
  signer          VARCHAR(50)   NULL,
  reporter        VARCHAR(50)   NULL,
  phone           VARCHAR(40)   NULL,
  report_date     DATE          NULL,
  body_text       MEDIUMTEXT    NULL,
  text_hash       CHAR(64)      NULL,
  simhash         BIGINT        NULL,
  flags           VARCHAR(500)  NULL,
  state           VARCHAR(16)   NOT NULL,
  claimed_by      VARCHAR(64)   NULL,
  commission_code VARCHAR(32)   NULL,
  supersedes_id   BIGINT        NULL,
  received_at     DATETIME(3)   NOT NULL,
  created_at      DATETIME(3)   NOT NULL,
  updated_at      DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_submission_tracking UNIQUE (tracking_no),
  CONSTRAINT uk_submission_inbound UNIQUE (inbound_id),
  CONSTRAINT fk_submission_inbound FOREIGN KEY (inbound_id) REFERENCES inbound_mail (id),
  CONSTRAINT fk_submission_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT fk_submission_informant FOREIGN KEY (informant_id) REFERENCES informant (id),
  CONSTRAINT fk_submission_supersedes FOREIGN KEY (supersedes_id) REFERENCES submission (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_submission_dup ON submission (unit_id, text_hash, received_at);
CREATE INDEX ix_submission_queue ON submission (state, sequence_code, received_at);
CREATE INDEX ix_submission_received ON submission (received_at);
CREATE INDEX ix_submission_commission ON submission (commission_code);

-- Audit trail: every state change and editorial act on a submission.
CREATE TABLE submission_event (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  submission_id   BIGINT        NOT NULL,
  occurred_at     DATETIME(3)   NOT NULL,
  actor           VARCHAR(64)   NOT NULL,
  kind            VARCHAR(32)   NOT NULL,
  from_state      VARCHAR(16)   NULL,
  to_state        VARCHAR(16)   NULL,
  detail          TEXT          NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_event_submission FOREIGN KEY (submission_id) REFERENCES submission (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_event_submission ON submission_event (submission_id, occurred_at);

-- Transactional outbox. A reply is unique per (inbound message, kind); workflow mail without an
-- inbound message is unique per dedup_key. Either way a crash never sends the same mail twice.
CREATE TABLE outbound_mail (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  inbound_id      BIGINT        NULL,
  kind            VARCHAR(32)   NOT NULL,
  dedup_key       VARCHAR(200)  NOT NULL,
  to_addr         VARCHAR(320)  NOT NULL,
  subject         VARCHAR(1000) NOT NULL,
  body_text       MEDIUMTEXT    NOT NULL,
  headers         TEXT          NULL,
  message_id      VARCHAR(500)  NULL,
  status          VARCHAR(16)   NOT NULL,
  attempts        INT           NOT NULL DEFAULT 0,
  next_attempt_at DATETIME(3)   NULL,
  last_error      TEXT          NULL,
  created_at      DATETIME(3)   NOT NULL,
  sent_at         DATETIME(3)   NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_outbound_reply UNIQUE (inbound_id, kind),
  CONSTRAINT uk_outbound_dedup UNIQUE (dedup_key),
  CONSTRAINT fk_outbound_inbound FOREIGN KEY (inbound_id) REFERENCES inbound_mail (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_outbound_due ON outbound_mail (status, next_attempt_at);
CREATE INDEX ix_outbound_message_id ON outbound_mail (message_id);
CREATE INDEX ix_outbound_to ON outbound_mail (to_addr, created_at);

-- The scoring ledger: every point is a row naming its rule and the event that earned it.
-- Undo writes a reversing row (reverses_id); rows are never updated or deleted.
CREATE TABLE score_entry (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  profile_id      VARCHAR(64)   NOT NULL,
  unit_id         BIGINT        NOT NULL,
  period_year     VARCHAR(8)    NOT NULL,
  period_half     VARCHAR(8)    NULL,
  period_quarter  VARCHAR(8)    NULL,
  period_month    VARCHAR(8)    NULL,
  period_week     VARCHAR(8)    NULL,
  points          DECIMAL(9,2)  NOT NULL,
  rule_id         VARCHAR(64)   NOT NULL,
  event_kind      VARCHAR(32)   NOT NULL,
  event_id        BIGINT        NULL,
  submission_id   BIGINT        NULL,
  explanation     VARCHAR(500)  NOT NULL,
  reverses_id     BIGINT        NULL,
  occurred_at     DATETIME(3)   NOT NULL,
  created_at      DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_score_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT fk_score_submission FOREIGN KEY (submission_id) REFERENCES submission (id),
  CONSTRAINT fk_score_reverses FOREIGN KEY (reverses_id) REFERENCES score_entry (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_score_quarter ON score_entry (profile_id, period_quarter, unit_id);
CREATE INDEX ix_score_year ON score_entry (profile_id, period_year, unit_id);
CREATE INDEX ix_score_month ON score_entry (profile_id, period_month, unit_id);
CREATE INDEX ix_score_event ON score_entry (event_kind, event_id);

-- Web users. roles is a comma-separated subset of ADMIN, EDITOR, REVIEWER, VIEWER.
CREATE TABLE app_user (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  username        VARCHAR(64)   NOT NULL,
  display_name    VARCHAR(100)  NOT NULL,
  password_hash   VARCHAR(200)  NOT NULL,
  roles           VARCHAR(100)  NOT NULL,
  enabled         BOOLEAN       NOT NULL,
  created_at      DATETIME(3)   NOT NULL,
  updated_at      DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_user_username UNIQUE (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
