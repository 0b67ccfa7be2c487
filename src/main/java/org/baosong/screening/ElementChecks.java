package org.baosong.screening;

import static org.baosong.screening.SubjectParser.problem;

import java.time.LocalDate;
import java.util.List;

import org.baosong.profile.SubjectGrammar;
import org.baosong.profile.SubjectGrammar.SubjectElement;

/**
 * The checks of each element once it is known which text stands for it: present when required,
 * then well-formed. Each returns what goes into the {@link SubjectLine} and adds its problems.
 */
final class ElementChecks {

	private final SubjectGrammar options;

	private final LocalDate receivedOn;

	private final List<SubjectProblem> problems;

	ElementChecks(SubjectGrammar options, LocalDate receivedOn, List<SubjectProblem> problems) {
		this.options = options;
		this.receivedOn = receivedOn;
		this.problems = problems;
	}

	String present(SubjectElement element, String value) {
		if (value == null && options.required().contains(element)) {
			problems.add(problem("SUBJECT_MISSING_FIELDS", SubjectSegments.chinese(element), missing(element)));
		}
		return value;
	}

	String title(String title) {
		if (present(SubjectElement.TITLE, title) == null) {
			return null;
		}
		int length = SubjectText.length(title);
		var bounds = options.titleLength();
		if (length < bounds.min()) {
			problems.add(problem("TITLE_LENGTH", "标题",
					"标题“" + title + "”只有" + length + "字，应为" + bounds.min() + "至" + bounds.max() + "字"));
		}
		else if (length > bounds.max()) {
			problems.add(problem("TITLE_LENGTH", "标题", "标题有" + length + "字，超过" + bounds.max() + "字的上限"));
		}
		return title;
	}

	String unit(String unit, boolean known) {
		if (present(SubjectElement.UNIT, unit) != null && !known) {
			problems.add(problem("UNIT_UNKNOWN", "单位", "单位“" + unit + "”不在登记的单位名单中，请写登记的单位名称或简称"));
		}
		return unit;
	}

	/** The canonical phone; the text as written when it is no phone, so that the reply can quote it. */
	String phone(String phone) {
		if (present(SubjectElement.PHONE, phone) == null) {
			return null;
		}
		String canonical = PhoneNumbers.canonical(phone);
		if (canonical == null) {
			problems.add(problem("PHONE_INVALID", "联系电话", PhoneNumbers.problem(phone)));
			return phone;
		}
		return canonical;
	}

	/** The date when it is a calendar day, even outside the window (the reply quotes it); else null. */
	LocalDate date(String text) {
		if (present(SubjectElement.DATE, text) == null) {
			return null;
		}
		LocalDate date = SubjectDates.read(text, receivedOn).map(SubjectDates.Reading::date).orElse(null);
		if (date == null) {
			problems.add(problem("DATE_INVALID", "日期", "日期“" + text + "”不是有效的日期（如" + receivedOn + "）"));
			return null;
		}
		LocalDate earliest = receivedOn.minusDays(options.dateWindow().daysBefore());
		LocalDate latest = receivedOn.plusDays(options.dateWindow().daysAfter());
		if (date.isBefore(earliest) || date.isAfter(latest)) {
			problems.add(problem("DATE_INVALID", "日期",
					"日期“" + text + "”超出有效范围（应在" + earliest + "至" + latest + "之间）"));
		}
		return date;
	}

	private String missing(SubjectElement element) {
		return switch (element) {
			case TITLE -> "缺少标题";
			case UNIT -> "缺少报送单位名称";
			case SIGNER -> "缺少签发人（写作“签发人:姓名”）";
			case REPORTER -> "缺少报送人（写作“报送人:姓名”）";
			case PHONE -> "缺少联系电话（手机为11位，座机如020-83123456）";
			case DATE -> "缺少日期（如" + receivedOn + "）";
		};
	}
}
