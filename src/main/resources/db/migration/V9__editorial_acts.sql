-- Issue 7: every editorial act that can earn or cost points (adoption, leader instruction, feedback,
-- upstream adoption, mark, penalty, commission answered/late/missing) is an event here, the stream the
-- scoring engine consumes (issue 8). Acts are never deleted: an undo is a new row that reverses one.

CREATE TABLE editorial_act (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  profile_id      VARCHAR(64)   NOT NULL,
  kind            VARCHAR(40)   NOT NULL,
  occurred_at     DATETIME(3)   NOT NULL,
  effective_on    DATE          NOT NULL,
  actor           VARCHAR(64)   NOT NULL,
  unit_id         BIGINT        NOT NULL,
  submission_id   BIGINT        NULL,
  ref_type        VARCHAR(32)   NULL,
  ref_id          BIGINT        NULL,
  detail          TEXT          NULL,
  reverses_id     BIGINT        NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_act_reversal UNIQUE (reverses_id),
  CONSTRAINT fk_act_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT fk_act_submission FOREIGN KEY (submission_id) REFERENCES submission (id),
  CONSTRAINT fk_act_reverses FOREIGN KEY (reverses_id) REFERENCES editorial_act (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_act_unit_day ON editorial_act (unit_id, effective_on);
CREATE INDEX ix_act_ref ON editorial_act (ref_type, ref_id);
CREATE INDEX ix_act_submission ON editorial_act (submission_id);
