package org.baosong.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baosong.profile.SubjectGrammar.SubjectElement;

/**
 * Cuts one |-separated piece of a subject at its labels ({@code 签发人:}, {@code 电话:} …), so that
 * labelled fields separated by nothing but spaces ({@code 签发人:王明 报送人:李华}) come apart as well
 * as |-separated ones. A label counts at the start of the piece or after a space, a comma, a
 * semicolon or 、, never inside a word, and only with its colon (: or ：): 报送 or 电话 inside a title stay
 * title text.
 */
final class SubjectSegments {

	/** Longest words first, so that 签发人 is not read as 签发 followed by a name starting with 人. */
	private static final Pattern LABEL = Pattern.compile(
			"(?:^|(?<=[\\s,;、，；]))(签发人|签发|报送单位|报送人|报送|信息员|撰稿人|联系电话|电话|手机|tel|日期|单位|标题)\\s*[:：]",
			Pattern.CASE_INSENSITIVE);

	/** Labels written without their colon, accepted only as a whole |-separated field whose rest fits. */
	private static final Pattern BARE_LABEL = Pattern.compile("(签发人|报送人|信息员|撰稿人|联系电话|电话|手机|日期)\\s*(\\S.*)");

	static final Pattern HAN_NAME = Pattern.compile("[\\p{IsHan}·]{2,6}");

	private SubjectSegments() {
	}

	/** A labelled value, or unlabelled text when {@code label} is null. */
	record Segment(SubjectElement label, String value) {
	}

	/**
	 * @param wholeField whether the piece is one of several |-separated fields; only then may a label
	 *                   go without its colon (签发人王明, 电话13800138000), and only when what follows
	 *                   it fits the label, so that a title like 电话诈骗案件下降三成 stays a title
	 */
	static List<Segment> split(String piece, boolean wholeField, LocalDate receivedOn) {
		var segments = new ArrayList<Segment>();
		Matcher bare = BARE_LABEL.matcher(piece);
		if (wholeField && bare.matches() && fits(element(bare.group(1)), bare.group(2), receivedOn)
				&& !LABEL.matcher(piece).find()) {
			return List.of(new Segment(element(bare.group(1)), bare.group(2).strip()));
		}
		Matcher m = LABEL.matcher(piece);
		int textStart = 0;
		SubjectElement label = null;
		while (m.find()) {
			add(segments, label, piece.substring(textStart, m.start()));
			label = element(m.group(1));
			textStart = m.end();
		}
		add(segments, label, piece.substring(textStart));
		return segments;
	}

	private static void add(List<Segment> segments, SubjectElement label, String value) {
		String v = value.strip().replaceAll("[,;、，；]+$", "").strip();
		if (label != null || !v.isEmpty()) {
			segments.add(new Segment(label, v));
		}
	}

	private static boolean fits(SubjectElement element, String value, LocalDate receivedOn) {
		return switch (element) {
			case SIGNER, REPORTER -> HAN_NAME.matcher(SubjectText.unbracket(value)).matches();
			case PHONE -> PhoneNumbers.looksLikePhone(value);
			case DATE -> SubjectDates.read(value, receivedOn).isPresent();
			default -> false;
		};
	}

	static SubjectElement element(String word) {
		return switch (word.toLowerCase(Locale.ROOT)) {
			case "签发人", "签发" -> SubjectElement.SIGNER;
			case "报送人", "报送", "信息员", "撰稿人" -> SubjectElement.REPORTER;
			case "联系电话", "电话", "手机", "tel" -> SubjectElement.PHONE;
			case "日期" -> SubjectElement.DATE;
			case "单位", "报送单位" -> SubjectElement.UNIT;
			case "标题" -> SubjectElement.TITLE;
			default -> throw new IllegalArgumentException(word);
		};
	}

	/** The 要素 as the offices name them, for the replies. */
	static String chinese(SubjectElement element) {
		return switch (element) {
			case TITLE -> "标题";
			case UNIT -> "单位";
			case SIGNER -> "签发人";
			case REPORTER -> "报送人";
			case PHONE -> "联系电话";
			case DATE -> "日期";
		};
	}
}
