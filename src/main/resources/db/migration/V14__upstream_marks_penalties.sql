-- Issue 7, parts 4 and 7 (ADR 0018): what editors record besides adoptions and instructions.
-- upstream_adoption: an upper office (省政府办公厅, 国务院办公厅 ...: a profile upstream-level code) adopted a
--   submission, with or without a leader instruction there, in a publication named as free text;
-- editorial_mark: a profile mark (优秀信息 ...) given to a submission;
-- penalty: a profile penalty (受到上级批评 ...) recorded against a unit, about one submission or none.
-- Each row points at its editorial_act (act_id); an undo reverses the act and marks the row withdrawn,
-- it never deletes it.

CREATE TABLE upstream_adoption (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  profile_id        VARCHAR(64)   NOT NULL,
  submission_id     BIGINT        NOT NULL,
  unit_id           BIGINT        NOT NULL,
  upstream_level    VARCHAR(40)   NOT NULL,
  with_instruction  BOOLEAN       NOT NULL DEFAULT FALSE,
  journal_name      VARCHAR(200)  NULL,
  adopted_on        DATE          NOT NULL,
  note              VARCHAR(1000) NULL,
  act_id            BIGINT        NULL,
  created_at        DATETIME(3)   NOT NULL,
  created_by        VARCHAR(64)   NOT NULL,
  withdrawn_at      DATETIME(3)   NULL,
  withdrawn_by      VARCHAR(64)   NULL,
  withdrawn_reason  VARCHAR(500)  NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_upstream_submission FOREIGN KEY (submission_id) REFERENCES submission (id),
  CONSTRAINT fk_upstream_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT fk_upstream_act FOREIGN KEY (act_id) REFERENCES editorial_act (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_upstream_submission ON upstream_adoption (submission_id);
CREATE INDEX ix_upstream_unit ON upstream_adoption (unit_id, adopted_on);

CREATE TABLE editorial_mark (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  profile_id        VARCHAR(64)   NOT NULL,
  submission_id     BIGINT        NOT NULL,
  unit_id           BIGINT        NOT NULL,
  code              VARCHAR(40)   NOT NULL,
  marked_on         DATE          NOT NULL,
  note              VARCHAR(1000) NULL,
  act_id            BIGINT        NULL,
  created_at        DATETIME(3)   NOT NULL,
  created_by        VARCHAR(64)   NOT NULL,
  withdrawn_at      DATETIME(3)   NULL,
  withdrawn_by      VARCHAR(64)   NULL,
  withdrawn_reason  VARCHAR(500)  NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_mark_submission FOREIGN KEY (submission_id) REFERENCES submission (id),
  CONSTRAINT fk_mark_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT fk_mark_act FOREIGN KEY (act_id) REFERENCES editorial_act (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_mark_submission ON editorial_mark (submission_id);
CREATE INDEX ix_mark_unit ON editorial_mark (unit_id, marked_on);

CREATE TABLE penalty (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  profile_id        VARCHAR(64)   NOT NULL,
  unit_id           BIGINT        NOT NULL,
  submission_id     BIGINT        NULL,
  code              VARCHAR(40)   NOT NULL,
  given_on          DATE          NOT NULL,
  reason            VARCHAR(1000) NOT NULL,
  act_id            BIGINT        NULL,
  created_at        DATETIME(3)   NOT NULL,
  created_by        VARCHAR(64)   NOT NULL,
  withdrawn_at      DATETIME(3)   NULL,
  withdrawn_by      VARCHAR(64)   NULL,
  withdrawn_reason  VARCHAR(500)  NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_penalty_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT fk_penalty_submission FOREIGN KEY (submission_id) REFERENCES submission (id),
  CONSTRAINT fk_penalty_act FOREIGN KEY (act_id) REFERENCES editorial_act (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_penalty_unit ON penalty (unit_id, given_on);
CREATE INDEX ix_penalty_given ON penalty (given_on);

-- Commission reminders (催报): when the reminder went to a target still pending, once per target.
ALTER TABLE commission_target ADD COLUMN reminded_at DATETIME(3) NULL;
