package org.baosong.screening;

import static org.baosong.profile.SubjectGrammar.SubjectElement.REPORTER;
import static org.baosong.profile.SubjectGrammar.SubjectElement.SIGNER;
import static org.baosong.profile.SubjectGrammar.SubjectElement.TITLE;
import static org.baosong.profile.SubjectGrammar.SubjectElement.UNIT;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.baosong.common.TextKeys;
import org.baosong.profile.SubjectGrammar.SubjectElement;

/**
 * Decides which of the fields a {@link FieldReader} found stands for which element. A label wins;
 * then shape (a registered unit's name is the unit); what is left takes the places of the canonical
 * order 单位|标题|签发人|报送人, with unit and title allowed to swap.
 */
final class FieldRoles {

	/**
	 * How the names of government bodies end. Only used to tell an unregistered unit from a title
	 * when the two stand side by side without labels; titles rarely end like this, names nearly always.
	 */
	private static final Pattern UNIT_ENDING = Pattern
		.compile(".*(区|市|县|镇|乡|街道|局|委|办|府|会|院|所|站|中心|公司|集团|厅|处|科|室|队|部|馆|社|人大|政协)$");

	private static final int LONGEST_UNIT_NAME = 20;

	private FieldRoles() {
	}

	/** Which text stands for which element; phone and date still unchecked, extras unexplained. */
	record Fields(String title, String unit, String signer, String reporter, String phone, String date,
			List<String> extras, List<String> conflicting) {
	}

	static Fields assign(FieldReader read) {
		var rest = new ArrayList<>(read.texts());
		var labelled = read.labelled();
		String title = first(read, TITLE, null);
		String unit = first(read, UNIT, null);
		if (unit == null && !read.units().isEmpty()) {
			unit = read.units().get(0);
		}
		if (unit == null && rest.size() >= (title == null ? 2 : 1)) {
			unit = rest.remove(title == null ? unitOf(rest.get(0), rest.get(1)) : 0);
		}
		if (title == null && !rest.isEmpty()) {
			title = rest.remove(0);
		}
		String signer = first(read, SIGNER, rest);
		String reporter = first(read, REPORTER, rest);
		List<String> conflicting = labelled.entrySet()
			.stream()
			.filter(e -> e.getValue().stream().map(TextKeys::nameKey).distinct().count() > 1)
			.map(e -> SubjectSegments.chinese(e.getKey()) + "写了多个（" + String.join("、", e.getValue()) + "），只能写一个")
			.toList();
		// Units often give a landline and a mobile; the first valid one is enough.
		String phone = read.phones().stream().filter(p -> PhoneNumbers.canonical(p) != null).findFirst()
			.orElse(read.phones().isEmpty() ? null : read.phones().get(0));
		String date = read.dates().stream().filter(read::isCalendarDate).findFirst()
			.orElse(read.dates().isEmpty() ? null : read.dates().get(0));
		return new Fields(title, unit, signer, reporter, phone, date, List.copyOf(rest), conflicting);
	}

	/**
	 * Which of the first two unlabelled texts is the (unregistered) unit, 0 or 1. Canonically the
	 * unit comes first, but senders swap it with the title: the one that ends like a unit's name
	 * wins; if both or neither do, the shorter one (a unit's name is short, a title is not), and on
	 * a tie the canonical place.
	 */
	static int unitOf(String first, String second) {
		boolean firstLike = looksLikeUnit(first);
		boolean secondLike = looksLikeUnit(second);
		if (firstLike != secondLike) {
			return firstLike ? 0 : 1;
		}
		return SubjectText.length(second) < SubjectText.length(first) ? 1 : 0;
	}

	private static boolean looksLikeUnit(String text) {
		return SubjectText.length(text) <= LONGEST_UNIT_NAME && UNIT_ENDING.matcher(text).matches();
	}

	/** The labelled value, else (when {@code positional} is given) the next unlabelled text. */
	private static String first(FieldReader read, SubjectElement element, List<String> positional) {
		List<String> values = read.labelled().get(element);
		if (values != null) {
			return values.get(0);
		}
		return positional == null || positional.isEmpty() ? null : positional.remove(0);
	}
}
