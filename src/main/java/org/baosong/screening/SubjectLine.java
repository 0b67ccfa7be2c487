package org.baosong.screening;

import java.time.LocalDate;

/**
 * What a valid subject says. When the parse has problems, each field holds what was read at its
 * place so that the rejection can echo it: the raw text of an invalid phone, the date of a date
 * outside the window, the text of an unknown unit; null where nothing was read (or, for the date,
 * where the text is no calendar date).
 *
 * @param type           the report type (类型): the tag's, else the profile's default
 * @param commissionCode the code of a {@code 【约稿:…】} tag, else null
 * @param correctionOf   the tracking number of a {@code 【更正:…】} tag, else null
 * @param feedbackOf     the tracking number of a {@code 【反馈:…】} tag (feedback on a leader's instruction), else null
 * @param unitText       the unit as written (NFKC, trimmed); the registry resolves it
 * @param phone          a mobile as 11 digits, a landline as written without spaces
 */
public record SubjectLine(String type, String commissionCode, String correctionOf, String feedbackOf, String unitText, String title,
		String signer, String reporter, String phone, LocalDate date) {

	/** A subject without a 反馈 tag. */
	public SubjectLine(String type, String commissionCode, String correctionOf, String unitText, String title, String signer,
			String reporter, String phone, LocalDate date) {
		this(type, commissionCode, correctionOf, null, unitText, title, signer, reporter, phone, date);
	}
}
