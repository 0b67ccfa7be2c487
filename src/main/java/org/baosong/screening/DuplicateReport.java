package org.baosong.screening;

import java.time.Duration;
import java.time.ZoneOffset;

import org.baosong.editorial.Filing;
import org.baosong.editorial.Submissions;

/**
 * DUPLICATE: the same text (compared without spacing, punctuation and width differences) as an earlier
 * submission of the same unit within the profile's window; the reply names the earlier tracking number.
 * NEAR_DUPLICATE (a flag): nearly the same text as a recent submission of any unit, named for the editors.
 */
final class DuplicateReport implements ScreeningRule {

	private final Submissions submissions;

	DuplicateReport(Submissions submissions) {
		this.submissions = submissions;
	}

	@Override
	public void check(ScreeningContext context, Findings findings) {
		var sender = context.sender();
		String text = context.reportText();
		if (sender.isEmpty() || text == null || text.isBlank()) {
			return;
		}
		var since = context.input.receivedOn().atStartOfDay().toInstant(ZoneOffset.UTC)
			.minus(Duration.ofDays(context.profile().rules().duplicateWindowDays()));
		var duplicate = submissions.duplicateOf(sender.get().unit().id(), Filing.textHash(text), since);
		duplicate.ifPresent(trackingNo -> findings.reject("DUPLICATE", "这条信息与你单位已报送的 " + trackingNo + " 内容相同，无需重复报送。"
				+ "如需修改已报送的信息，请以“【更正:" + trackingNo + "】”开头的主题重新报送。"));
		if (duplicate.isEmpty()) {
			submissions.nearDuplicateOf(text, since)
				.ifPresent(trackingNo -> findings.flag("NEAR_DUPLICATE", "与 " + trackingNo + " 内容相近"));
		}
	}
}
