package org.baosong.screening;

import static org.baosong.profile.SubjectGrammar.SubjectElement.TITLE;
import static org.baosong.profile.SubjectGrammar.SubjectElement.UNIT;
import static org.baosong.screening.SubjectText.length;
import static org.baosong.screening.SubjectText.tokens;
import static org.baosong.screening.SubjectText.unbracket;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.baosong.profile.SubjectGrammar.SubjectElement;
import org.baosong.screening.SubjectSegments.Segment;

/**
 * Reads the fields of a subject (what follows its prefixes and tags) and decides which is which:
 * labelled fields by their label, unlabelled ones by shape (a date, a phone, a registered unit)
 * and what remains by position in the canonical order 单位|标题|签发人|报送人.
 * <p>
 * Two modes: with two or more |-separated pieces every piece is a field and is kept whole;
 * without them (labelled fields separated by spaces) a label's value is its first word or words
 * and whatever follows is read again as unlabelled text, from whose ends units, phones and dates
 * are peeled off.
 */
final class FieldReader {

	private final Predicate<String> knownUnit;

	private final LocalDate receivedOn;

	private final boolean delimited;

	private final boolean unitLabelled;

	private final Map<SubjectElement, List<String>> labelled = new EnumMap<>(SubjectElement.class);

	private final List<String> phones = new ArrayList<>();

	private final List<String> dates = new ArrayList<>();

	private final List<String> units = new ArrayList<>();

	private final List<String> texts = new ArrayList<>();

	private FieldReader(Predicate<String> knownUnit, LocalDate receivedOn, boolean delimited, boolean unitLabelled) {
		this.knownUnit = knownUnit;
		this.receivedOn = receivedOn;
		this.delimited = delimited;
		this.unitLabelled = unitLabelled;
	}

	static FieldReader read(String text, Predicate<String> knownUnit, LocalDate receivedOn) {
		List<String> pieces = Stream.of(text.split("\\|")).map(String::strip).filter(p -> !p.isEmpty()).toList();
		List<Segment> segments = pieces.stream()
			.flatMap(p -> SubjectSegments.split(p, pieces.size() > 1, receivedOn).stream())
			.toList();
		var reader = new FieldReader(knownUnit, receivedOn, pieces.size() > 1,
				segments.stream().anyMatch(s -> s.label() == UNIT));
		segments.forEach(reader::take);
		return reader;
	}

	boolean isEmpty() {
		return labelled.isEmpty() && phones.isEmpty() && dates.isEmpty() && units.isEmpty() && texts.isEmpty();
	}

	/** Nothing but (at most) one piece of plain text: what a reply to some other mail looks like. */
	boolean isPlainText() {
		return labelled.isEmpty() && phones.isEmpty() && dates.isEmpty() && units.isEmpty() && texts.size() <= 1;
	}

	Map<SubjectElement, List<String>> labelled() {
		return labelled;
	}

	List<String> phones() {
		return phones;
	}

	List<String> dates() {
		return dates;
	}

	/** Unlabelled fields that are a registered unit's name. */
	List<String> units() {
		return units;
	}

	/** Unlabelled fields of no particular shape, in order: unit, title, names, or something else. */
	List<String> texts() {
		return texts;
	}

	boolean isCalendarDate(String text) {
		return SubjectDates.read(text, receivedOn).filter(SubjectDates.Reading::valid).isPresent();
	}

	private void take(Segment s) {
		if (s.label() == null) {
			unlabelled(s.value());
			return;
		}
		if (s.value().isEmpty()) {
			return; // 签发人: with nothing after it is a missing element, not a malformed one
		}
		switch (s.label()) {
			case TITLE -> labelled.computeIfAbsent(TITLE, k -> new ArrayList<>()).add(s.value());
			case SIGNER, REPORTER -> name(s.label(), s.value());
			case PHONE -> leading(s.value(), p -> PhoneNumbers.canonical(p) != null, PhoneNumbers::isPhoneToken, phones);
			case DATE -> leading(s.value(), this::isCalendarDate, SubjectDates::isDateToken, dates);
			case UNIT -> unit(unbracket(s.value()));
		}
	}

	/**
	 * A name is one word, or two when the first is a single character: 王 明 is how two-character
	 * names are padded to line up with three-character ones.
	 */
	private void name(SubjectElement element, String value) {
		List<String> tokens = tokens(unbracket(value));
		int n = tokens.size() >= 2 && length(tokens.get(0)) == 1 && length(tokens.get(1)) <= 2
				&& SubjectSegments.HAN_NAME.matcher(tokens.get(0) + tokens.get(1)).matches() ? 2 : 1;
		labelled.computeIfAbsent(element, k -> new ArrayList<>()).add(unbracket(String.join("", tokens.subList(0, n))));
		rest(tokens, n);
	}

	/** The longest run of leading words that is valid; failing that, the words that look the part. */
	private void leading(String value, Predicate<String> valid, Predicate<String> looksThePart, List<String> into) {
		List<String> tokens = tokens(value);
		for (int n = tokens.size(); n > 0; n--) {
			String head = String.join(" ", tokens.subList(0, n));
			if (valid.test(head)) {
				into.add(head);
				rest(tokens, n);
				return;
			}
		}
		int n = 0;
		while (n < tokens.size() && looksThePart.test(tokens.get(n))) {
			n++;
		}
		n = Math.max(n, 1);
		into.add(String.join(" ", tokens.subList(0, n)));
		rest(tokens, n);
	}

	private void unit(String value) {
		List<String> tokens = tokens(value);
		int n = tokens.size();
		while (n > 0 && !knownUnit.test(String.join(" ", tokens.subList(0, n)))) {
			n--;
		}
		if (n == 0) {
			n = delimited ? tokens.size() : 1; // unknown: a whole field, or the first word of a spaced one
		}
		labelled.computeIfAbsent(UNIT, k -> new ArrayList<>()).add(String.join(" ", tokens.subList(0, n)));
		rest(tokens, n);
	}

	private void rest(List<String> tokens, int used) {
		if (used < tokens.size()) {
			unlabelled(String.join(" ", tokens.subList(used, tokens.size())));
		}
	}

	private void unlabelled(String chunk) {
		String s = chunk.strip();
		if (s.isEmpty()) {
			return;
		}
		if (SubjectDates.read(s, receivedOn).isPresent() || PhoneNumbers.canonical(s) != null) {
			shape(s, false);
			return;
		}
		if (knownUnit.test(unbracket(s))) {
			units.add(unbracket(s));
			return;
		}
		List<String> tokens = tokens(s);
		// A |-separated field is kept whole (a title may hold spaces) unless it is nothing but
		// shapes, like "13800138000 2026-11-20"; spaced text has its shapes peeled off both ends.
		if (tokens.size() > 1 && (!delimited || tokens.stream().allMatch(this::isShape))) {
			int from = 0;
			int to = tokens.size();
			for (int k; from < to && (k = shapeAt(tokens, from, to, true)) > 0;) {
				from += k;
			}
			for (int k; from < to && (k = shapeAt(tokens, from, to, false)) > 0;) {
				to -= k;
			}
			if (from < to) {
				texts.add(String.join(" ", tokens.subList(from, to)));
			}
		}
		else if (PhoneNumbers.looksLikePhone(s)) {
			phones.add(s); // meant as a phone; it gets checked, and refused, as one
		}
		else {
			texts.add(s);
		}
	}

	/** How many words at the start (or end) of tokens[from, to) make a phone, a date or a unit; 0 if none. */
	private int shapeAt(List<String> tokens, int from, int to, boolean atStart) {
		for (int k = Math.min(4, to - from); k > 1; k--) {
			List<String> part = atStart ? tokens.subList(from, from + k) : tokens.subList(to - k, to);
			String joined = String.join(" ", part);
			if (part.stream().allMatch(PhoneNumbers::isPhoneToken) && PhoneNumbers.canonical(joined) != null) {
				phones.add(joined);
				return k;
			}
		}
		return shape(tokens.get(atStart ? from : to - 1), !unitLabelled) ? 1 : 0;
	}

	private boolean shape(String text, boolean unitsToo) {
		if (SubjectDates.read(text, receivedOn).isPresent()) {
			return dates.add(text);
		}
		if (PhoneNumbers.looksLikePhone(text)) {
			return phones.add(text);
		}
		return unitsToo && knownUnit.test(unbracket(text)) && units.add(unbracket(text));
	}

	private boolean isShape(String text) {
		return SubjectDates.read(text, receivedOn).isPresent() || PhoneNumbers.looksLikePhone(text)
				|| !unitLabelled && knownUnit.test(unbracket(text));
	}
}
