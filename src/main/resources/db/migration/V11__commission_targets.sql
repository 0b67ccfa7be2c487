-- Issue 7, commissions (约稿): the units a commission was sent to and how each answered. A target is
-- PENDING until a submission tagged with the commission's code is filed from the unit (ANSWERED before
-- the deadline, LATE after it); when the commission is closed at its deadline every PENDING target
-- becomes MISSING. The notice mails themselves are outbound_mail rows (kind COMMISSION).

CREATE TABLE commission_target (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  commission_id   BIGINT        NOT NULL,
  unit_id         BIGINT        NOT NULL,
  state           VARCHAR(16)   NOT NULL,
  submission_id   BIGINT        NULL,
  answered_at     DATETIME(3)   NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_commission_target UNIQUE (commission_id, unit_id),
  CONSTRAINT fk_target_commission FOREIGN KEY (commission_id) REFERENCES commission (id),
  CONSTRAINT fk_target_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT fk_target_submission FOREIGN KEY (submission_id) REFERENCES submission (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- who created a commission by hand and when it was closed (by the deadline job or an administrator)
ALTER TABLE commission ADD COLUMN closed_at DATETIME(3) NULL;
ALTER TABLE commission ADD COLUMN closed_by VARCHAR(64) NULL;
CREATE INDEX ix_commission_open ON commission (state, deadline);
