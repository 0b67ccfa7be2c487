-- Issue 7, leader instructions (领导批示): an instruction is given on an adopted item (one of its standing
-- adoptions, chosen by the editor when the item is in several journals); the unit owes feedback (how it
-- acted) by a due date. The state is stored, each change made by one guarded UPDATE:
--   OPEN -> FEEDBACK (on or before the due date) | FEEDBACK_LATE (after it)
--   OPEN -> OVERDUE (the due date passed without feedback: FEEDBACK_MISSING recorded) -> FEEDBACK_LATE | FEEDBACK
--   any  -> WITHDRAWN (an administrator's undo; the row stays, its acts are reversed)
-- Feedback comes from an editor (feedback_by EDITOR) or from the unit's mail tagged 【反馈:tracking no】
-- (feedback_by MAIL, with the submission and inbound message it arrived as). The acts themselves are
-- editorial_act rows (INSTRUCTION, FEEDBACK, FEEDBACK_LATE, FEEDBACK_MISSING); the columns *_act_id point
-- at them. instruction_level is a code of the profile's editorial.instruction-levels.

CREATE TABLE instruction (
  id                      BIGINT        NOT NULL AUTO_INCREMENT,
  profile_id              VARCHAR(64)   NOT NULL,
  submission_id           BIGINT        NOT NULL,
  adoption_id             BIGINT        NOT NULL,
  unit_id                 BIGINT        NOT NULL,
  instruction_level       VARCHAR(32)   NOT NULL,
  leader_name             VARCHAR(64)   NOT NULL,
  given_on                DATE          NOT NULL,
  instruction_text        TEXT          NULL,
  notify_text             BOOLEAN       NOT NULL DEFAULT TRUE,
  feedback_due            DATE          NOT NULL,
  state                   VARCHAR(16)   NOT NULL,
  feedback_on             DATE          NULL,
  feedback_text           TEXT          NULL,
  feedback_by             VARCHAR(8)    NULL,
  feedback_submission_id  BIGINT        NULL,
  feedback_inbound_id     BIGINT        NULL,
  feedback_recorded_at    DATETIME(3)   NULL,
  feedback_recorded_by    VARCHAR(64)   NULL,
  act_id                  BIGINT        NULL,
  feedback_act_id         BIGINT        NULL,
  missing_act_id          BIGINT        NULL,
  created_at              DATETIME(3)   NOT NULL,
  created_by              VARCHAR(64)   NOT NULL,
  withdrawn_at            DATETIME(3)   NULL,
  withdrawn_by            VARCHAR(64)   NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_instruction_submission FOREIGN KEY (submission_id) REFERENCES submission (id),
  CONSTRAINT fk_instruction_adoption FOREIGN KEY (adoption_id) REFERENCES adoption (id),
  CONSTRAINT fk_instruction_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT fk_instruction_feedback_submission FOREIGN KEY (feedback_submission_id) REFERENCES submission (id),
  CONSTRAINT fk_instruction_feedback_inbound FOREIGN KEY (feedback_inbound_id) REFERENCES inbound_mail (id),
  CONSTRAINT fk_instruction_act FOREIGN KEY (act_id) REFERENCES editorial_act (id),
  CONSTRAINT fk_instruction_feedback_act FOREIGN KEY (feedback_act_id) REFERENCES editorial_act (id),
  CONSTRAINT fk_instruction_missing_act FOREIGN KEY (missing_act_id) REFERENCES editorial_act (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_instruction_due ON instruction (state, feedback_due);
CREATE INDEX ix_instruction_submission ON instruction (submission_id);
CREATE INDEX ix_instruction_unit ON instruction (unit_id, given_on);
