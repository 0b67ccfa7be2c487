package org.baosong.editorial;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of a submission (spec/editorial.md): RECEIVED (待处理) -> IN_EDIT (采编中, claimed by one
 * editor) -> IN_REVIEW (待审核) -> ADOPTED (已采用, placed in a journal issue); back from IN_REVIEW to
 * IN_EDIT; from any open state to NOT_ADOPTED (不采用, with a reason) or RETURNED (退回修改, the
 * comment mailed to the unit).
 */
public enum SubmissionState {
	RECEIVED, IN_EDIT, IN_REVIEW, ADOPTED, NOT_ADOPTED, RETURNED;

	/** The states editors still work on. */
	public static final Set<SubmissionState> OPEN = EnumSet.of(RECEIVED, IN_EDIT, IN_REVIEW);

	public boolean open() {
		return OPEN.contains(this);
	}
}
