package org.baosong.screening;

import java.util.ArrayList;

/**
 * SIGNATURE_BLOCK_MISSING, where the profile requires the 落款 (Guangzhou 二(四)3: the elements stand in
 * the subject and in the 落款 of the text): the text must name the 签发人, the 报送人 and the phone of the
 * subject, in the mail body or in the attached report's text. An attached report whose text could not
 * be read is not rejected for this (the classified-marking rule has already dealt with it).
 */
final class SignatureBlock implements ScreeningRule {

	@Override
	public void check(ScreeningContext context, Findings findings) {
		var line = context.subject().line();
		if (!context.profile().rules().signatureBlockRequired() || line == null) {
			return;
		}
		String body = context.ownBody().replaceAll("\\s", "");
		String text = context.reportText() != null ? context.reportText().replaceAll("\\s", "") : body;
		boolean attached = !context.reports().isEmpty();
		var missing = new ArrayList<String>();
		if (line.signer() != null && !text.contains(line.signer()) && !body.contains(line.signer())) {
			missing.add("签发人（" + line.signer() + "）");
		}
		if (line.reporter() != null && !text.contains(line.reporter()) && !body.contains(line.reporter())) {
			missing.add("报送人（" + line.reporter() + "）");
		}
		String digits = line.phone() == null ? null : line.phone().replaceAll("\\D", "");
		if (digits != null && !text.replaceAll("\\D", "").contains(digits) && !body.replaceAll("\\D", "").contains(digits)) {
			missing.add("联系电话（" + line.phone() + "）");
		}
		if (!missing.isEmpty() && !(attached && context.reportText() == null)) {
			findings.reject("SIGNATURE_BLOCK_MISSING", "正文末尾的落款缺少或与主题不一致：" + String.join("、", missing)
					+ "。请在落款处注明单位、签发人、报送人、联系电话和日期，并与主题一致。");
		}
	}
}
