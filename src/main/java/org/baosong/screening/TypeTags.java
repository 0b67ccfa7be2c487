package org.baosong.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baosong.profile.SubjectGrammar;

/**
 * The tags at the start of a subject: the report type (【动态】), a commission (【约稿:YG-2026-001】),
 * a correction (【更正:GZ-2026-000123】) and a unit's feedback on a leader's instruction
 * (【反馈:GZ-2026-000123】, ADR 0017), in any of 【】, [], ［］ (NFKC makes these []) or 〔〕.
 * Several tags may stand in a row, so that a commissioned or corrected report can still name its
 * type: 【约稿:YG-2026-001】【调研】. Without a type tag the type is the profile's default.
 */
final class TypeTags {

	/** Any opening bracket with any closing one: people mix 【 and ] more often than one would think. */
	private static final Pattern TAG = Pattern.compile("^\\s*[【\\[〔]\\s*([^【】\\[\\]〔〕|]*?)\\s*[】\\]〕]");

	private static final Pattern COMMISSION = Pattern.compile("约稿\\s*[:：]?\\s*(.*)");

	private static final Pattern CORRECTION = Pattern.compile("更正\\s*[:：]?\\s*(.*)");

	private static final Pattern FEEDBACK = Pattern.compile("反馈\\s*[:：]?\\s*(.*)");

	private TypeTags() {
	}

	record Tags(boolean present, String type, String commissionCode, String correctionOf, String feedbackOf,
			List<SubjectProblem> problems, String rest) {
	}

	static Tags read(String subject, SubjectGrammar options) {
		String rest = subject;
		boolean present = false;
		String type = null;
		String commission = null;
		String correction = null;
		String feedback = null;
		var problems = new ArrayList<SubjectProblem>();
		Matcher tag = TAG.matcher(rest);
		while (tag.lookingAt()) {
			present = true;
			String content = tag.group(1);
			rest = rest.substring(tag.end());
			tag = TAG.matcher(rest);
			Matcher m;
			if (content.isEmpty()) {
				continue; // 【】 says nothing; the default type applies
			}
			if ((m = COMMISSION.matcher(content)).matches()) {
				commission = code(m.group(1), "约稿", "约稿编号", problems);
			}
			else if ((m = CORRECTION.matcher(content)).matches()) {
				correction = code(m.group(1), "更正", "原信息的受理编号", problems);
			}
			else if ((m = FEEDBACK.matcher(content)).matches()) {
				feedback = code(m.group(1), "反馈", "被批示信息的受理编号", problems);
			}
			else {
				String known = knownType(content, options);
				if (known == null) {
					// An unknown type is refused rather than read as title text or replaced by the default:
					// the type decides the editors' queue, and guessing would file the report wrongly.
					problems.add(new SubjectProblem("SUBJECT_FORMAT", "类型", "类型“" + content + "”不在可用类型之列（可用："
							+ String.join("、", options.types()) + "）"));
				}
				else if (type != null && !type.equals(known)) {
					problems.add(new SubjectProblem("SUBJECT_FORMAT", "类型", "写了两个类型（" + type + "、" + known + "），只能写一个"));
				}
				if (type == null) {
					type = known != null ? known : content;
				}
			}
		}
		return new Tags(present, type == null ? options.defaultType() : type, commission, correction, feedback, problems, rest);
	}

	/** 动态 or 动态类: the Guangzhou plan itself speaks of 动态类、综合类. */
	private static String knownType(String content, SubjectGrammar options) {
		String t = content.replaceAll("\\s+", "");
		if (options.types().contains(t)) {
			return t;
		}
		if (t.endsWith("类") && options.types().contains(t.substring(0, t.length() - 1))) {
			return t.substring(0, t.length() - 1);
		}
		return null;
	}

	private static String code(String text, String tag, String what, List<SubjectProblem> problems) {
		String code = text.replaceAll("\\s+", "");
		if (code.isEmpty()) {
			problems.add(new SubjectProblem("SUBJECT_FORMAT", "类型", tag + "标签缺少" + what + "（如【" + tag + ":编号】）"));
			return null;
		}
		return code;
	}
}
