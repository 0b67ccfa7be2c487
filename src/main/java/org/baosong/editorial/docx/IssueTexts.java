package org.baosong.editorial.docx;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A submission's text as an issue prints it: one paragraph per non-blank line, without the leading
 * indentation units type (全角空格), without a first line that only repeats the title, and without the
 * 落款 lines at the end (单位、签发人、报送人、联系电话、日期 …), which the rules require in every report but
 * no journal prints.
 */
final class IssueTexts {

	private static final Pattern EDGE_SPACE = Pattern.compile("^[\\s\\u3000\\u00A0\\uFEFF]+|[\\s\\u3000\\u00A0\\uFEFF]+$");

	private static final Pattern ALL_SPACE = Pattern.compile("[\\s\\u3000\\u00A0\\uFEFF]+");

	/** A 落款 line: a label of the signature block, or a date standing alone. */
	private static final Pattern SIGNATURE = Pattern.compile(
			"(?:(?:报送|来稿)?单位|签发人?|报送人|撰稿人?|审核人?|联系人|联系电话|电话|手机|日期|报送日期)\\s*[:：].*"
					+ "|\\d{4}\\s*[年./-]\\s*\\d{1,2}\\s*[月./-]\\s*\\d{1,2}\\s*日?");

	private IssueTexts() {
	}

	static List<String> paragraphs(String title, String text) {
		var paragraphs = new ArrayList<String>();
		if (text == null) {
			return paragraphs;
		}
		for (String line : text.split("\\R")) {
			String clean = EDGE_SPACE.matcher(line).replaceAll("");
			if (!clean.isEmpty()) {
				paragraphs.add(clean);
			}
		}
		if (!paragraphs.isEmpty() && title != null && squash(paragraphs.get(0)).equals(squash(title))) {
			paragraphs.remove(0);
		}
		while (!paragraphs.isEmpty() && SIGNATURE.matcher(paragraphs.get(paragraphs.size() - 1)).matches()) {
			paragraphs.remove(paragraphs.size() - 1);
		}
		return paragraphs;
	}

	private static String squash(String text) {
		return ALL_SPACE.matcher(text).replaceAll("");
	}
}
