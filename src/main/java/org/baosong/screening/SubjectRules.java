package org.baosong.screening;

import java.util.Objects;

/**
 * The subject line: every problem the grammar finds (SUBJECT_FORMAT, SUBJECT_MISSING_FIELDS, PHONE_INVALID,
 * DATE_INVALID, TITLE_LENGTH, REPLY_OR_FORWARD, UNIT_UNKNOWN), then UNIT_MISMATCH: the unit in the subject
 * must be the unit the sender is registered for.
 */
final class SubjectRules implements ScreeningRule {

	@Override
	public void check(ScreeningContext context, Findings findings) {
		var parse = context.subject();
		for (SubjectProblem problem : parse.problems()) {
			findings.reject(problem.reasonCode(), problem.detail());
		}
		var unit = context.subjectUnit();
		var sender = context.sender();
		if (unit.isPresent() && sender.isPresent() && !Objects.equals(unit.get().id(), sender.get().unit().id())) {
			findings.reject("UNIT_MISMATCH", "主题中的单位“" + parse.line().unitText() + "”（" + unit.get().name() + "）与发件邮箱登记的单位“"
					+ sender.get().unit().name() + "”不一致。请用本单位的信息员邮箱报送本单位的信息。");
		}
	}
}
