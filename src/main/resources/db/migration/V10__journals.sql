-- Issue 7, first slice: journals (the office's publications, per jurisdiction profile, with their
-- placement kinds), their issues (第N期, DRAFT until published) and the adoptions composing an issue.
-- Publishing an issue adopts its submissions and records one editorial_act per adoption (act_id);
-- an undo reverses that act and marks the adoption withdrawn, it never deletes it.

CREATE TABLE journal (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  profile_id      VARCHAR(64)   NOT NULL,
  code            VARCHAR(32)   NOT NULL,
  name            VARCHAR(100)  NOT NULL,
  journal_level   VARCHAR(32)   NULL,
  placement_kinds VARCHAR(500)  NOT NULL,
  active          BOOLEAN       NOT NULL DEFAULT TRUE,
  sort_order      INT           NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uk_journal_code UNIQUE (profile_id, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE journal_issue (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  journal_id      BIGINT        NOT NULL,
  issue_year      INT           NOT NULL,
  issue_no        INT           NOT NULL,
  issue_date      DATE          NOT NULL,
  state           VARCHAR(16)   NOT NULL,
  created_at      DATETIME(3)   NOT NULL,
  created_by      VARCHAR(64)   NOT NULL,
  published_at    DATETIME(3)   NULL,
  published_by    VARCHAR(64)   NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_issue_number UNIQUE (journal_id, issue_year, issue_no),
  CONSTRAINT fk_issue_journal FOREIGN KEY (journal_id) REFERENCES journal (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE adoption (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  submission_id   BIGINT        NOT NULL,
  issue_id        BIGINT        NOT NULL,
  placement_kind  VARCHAR(32)   NOT NULL,
  role            VARCHAR(16)   NULL,
  sort_order      INT           NOT NULL,
  act_id          BIGINT        NULL,
  withdrawn_at    DATETIME(3)   NULL,
  withdrawn_by    VARCHAR(64)   NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_adoption UNIQUE (submission_id, issue_id),
  CONSTRAINT fk_adoption_submission FOREIGN KEY (submission_id) REFERENCES submission (id),
  CONSTRAINT fk_adoption_issue FOREIGN KEY (issue_id) REFERENCES journal_issue (id),
  CONSTRAINT fk_adoption_act FOREIGN KEY (act_id) REFERENCES editorial_act (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_adoption_issue ON adoption (issue_id, sort_order);

-- A submission adopted by two journals gets two 采用反馈 mails answering the same inbound message:
-- one outbound row per (inbound message, kind) no longer holds for every kind. The dedup key stays
-- unique (receipts, rejections and returns keep "inbound:<id>:<kind>", adoption mails "adoption:<id>"),
-- and the outbox insert still checks (inbound, kind) for the kinds that are once per message.
CREATE INDEX ix_outbound_inbound ON outbound_mail (inbound_id, kind);
ALTER TABLE outbound_mail DROP CONSTRAINT uk_outbound_reply;
