package org.baosong.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import org.baosong.common.TextKeys;
import org.baosong.profile.SubjectGrammar;
import org.baosong.profile.SubjectGrammar.SubjectElement;

/**
 * The subject-line grammar of spec/submission-rules.md, with the options of one jurisdiction
 * profile. It reports every problem it can see at once, so that a unit fixes everything in one go;
 * only a subject that is empty, or a reply/forward with nothing but plain text behind its prefix,
 * gets a single problem and no line.
 * <p>
 * The subject goes through NFKC first ({@link SubjectText}: full-width letters, digits, ｜ and ［］
 * become ASCII), then: reply prefixes ({@link ReplyPrefixes}), leading tags ({@link TypeTags}), fields
 * ({@link FieldReader}), and last the checks of each element in the order of the spec.
 */
public final class SubjectParser {

	private final SubjectGrammar options;

	private final Predicate<String> knownUnit;

	/**
	 * @param isKnownUnit whether a registered unit has this name, short name or alias; it is given
	 *                    {@link TextKeys#nameKey} of the text (NFKC, no whitespace, lower case)
	 */
	public SubjectParser(SubjectGrammar options, Predicate<String> isKnownUnit) {
		this.options = Objects.requireNonNull(options, "options");
		Objects.requireNonNull(isKnownUnit, "isKnownUnit");
		this.knownUnit = text -> !text.isBlank() && isKnownUnit.test(TextKeys.nameKey(text));
	}

	/** receivedOn: the day of receipt in the office's time zone (the date window and year inference use it). */
	public SubjectParse parse(String subject, LocalDate receivedOn) {
		String text = SubjectText.normalize(subject);
		if (text == null) {
			return new SubjectParse(null, List.of(problem("SUBJECT_FORMAT", "主题", "邮件主题为空")));
		}
		var problems = new ArrayList<SubjectProblem>();
		var stripped = ReplyPrefixes.strip(text);
		if (stripped.prefix() != null) {
			problems.add(problem("REPLY_OR_FORWARD", "主题",
					"主题以“" + stripped.prefix() + "”开头，是回复或转发的邮件，不能作为报送信息；请新建邮件报送"));
		}
		var tags = TypeTags.read(stripped.rest(), options);
		var reader = FieldReader.read(tags.rest(), knownUnit, receivedOn);
		if (!tags.present() && (stripped.prefix() != null ? reader.isPlainText() : reader.isEmpty())) {
			// Re: 关于召开会议的通知 is an answer to some other mail, not a submission gone wrong: listing
			// five missing elements would only confuse the sender.
			if (stripped.prefix() == null) {
				problems.add(problem("SUBJECT_FORMAT", "主题", "主题中没有可以识别的内容"));
			}
			return new SubjectParse(null, problems);
		}
		problems.addAll(tags.problems());
		var fields = FieldRoles.assign(reader);
		fields.conflicting().forEach(detail -> problems.add(problem("SUBJECT_FORMAT", "主题", detail)));

		var check = new ElementChecks(options, receivedOn, problems);
		String title = check.title(fields.title());
		String unit = check.unit(fields.unit(), fields.unit() != null && knownUnit.test(fields.unit()));
		String signer = check.present(SubjectElement.SIGNER, fields.signer());
		String reporter = check.present(SubjectElement.REPORTER, fields.reporter());
		String phone = check.phone(fields.phone());
		LocalDate date = check.date(fields.date());
		fields.extras()
			.forEach(extra -> problems.add(problem("SUBJECT_FORMAT", "主题", "无法判断“" + extra + "”是哪个要素，请按示例格式填写")));
		return new SubjectParse(new SubjectLine(tags.type(), tags.commissionCode(), tags.correctionOf(), tags.feedbackOf(), unit, title,
				signer, reporter, phone, date), problems);
	}

	static SubjectProblem problem(String code, String element, String detail) {
		return new SubjectProblem(code, element, detail);
	}
}
