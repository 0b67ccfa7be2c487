package org.baosong.screening;

import java.util.HashSet;
import java.util.Set;

import org.baosong.extraction.ExtractedText;

/**
 * BODY_AND_ATTACHMENT_DIFFER: the body (without quotes, signature and 落款) is itself as long as a report
 * and unlike the attached report: two reports in one mail (一事一报). A body that repeats the report, or
 * only says "见附件" and signs, passes. Similarity: overlap of character trigrams of the comparable texts.
 */
final class BodyAndAttachment implements ScreeningRule {

	static final double SAME_REPORT = 0.3;

	@Override
	public void check(ScreeningContext context, Findings findings) {
		if (context.reports().size() != 1) {
			return;
		}
		String body = withoutSignature(context.ownBody());
		if (BodyText.count(body) < context.profile().rules().bodyMinChars()) {
			return;
		}
		String report = context.reportText();
		if (report == null) {
			return;
		}
		if (containment(ExtractedText.comparable(body), ExtractedText.comparable(report)) < SAME_REPORT) {
			findings.reject("BODY_AND_ATTACHMENT_DIFFER", "正文写了一条信息，附件“" + AttachmentRules.name(context.reports().get(0))
					+ "”又是另一条信息。一封邮件只能报送一条信息：正文与附件是同一条信息时，正文可只写“见附件”和落款。");
		}
	}

	/** The share of the body's trigrams that also occur in the report. */
	static double containment(String body, String report) {
		Set<String> a = trigrams(body);
		if (a.isEmpty()) {
			return 1;
		}
		Set<String> b = trigrams(report);
		long shared = a.stream().filter(b::contains).count();
		return (double) shared / a.size();
	}

	private static Set<String> trigrams(String text) {
		var out = new HashSet<String>();
		int[] cps = text.codePoints().toArray();
		for (int i = 0; i + 3 <= cps.length; i++) {
			out.add(new String(cps, i, 3));
		}
		return out;
	}

	/** The body without its 落款 lines (单位/签发人/报送人/电话/日期), which are no report. */
	static String withoutSignature(String body) {
		return body.replaceAll("(?m)^\\s*(单位|报送单位|签发人|签发|报送人|信息员|撰稿人|联系电话|电话|手机|日期)\\s*[:：].*$", "").strip();
	}
}
