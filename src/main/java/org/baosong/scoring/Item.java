package org.baosong.scoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.baosong.editorial.ActAttributes;
import org.baosong.editorial.EditorialActs.Act;

/** The standing acts of one scope (usually one submission), oldest first, with the questions the rules ask of them. */
record Item(List<Act> acts) {

	List<Act> ofKind(String kind) {
		return acts.stream().filter(a -> a.kind().equals(kind)).toList();
	}

	List<Act> adoptions() {
		return ofKind(ActKinds.ADOPTED);
	}

	/** The first day the item stood adopted in a journal, if it does. */
	Optional<LocalDate> firstAdoptionIn(String journal) {
		return adoptions().stream()
			.filter(a -> a.attributes().is(ActAttributes.JOURNAL, journal))
			.map(Act::effectiveOn)
			.min(LocalDate::compareTo);
	}

	/** The first day the item stood adopted in any journal, if it does. */
	Optional<LocalDate> firstAdoption() {
		return adoptions().stream().map(Act::effectiveOn).min(LocalDate::compareTo);
	}

	/**
	 * The day of the adoption an instruction is about, if that adoption still stands: the one it names, else one in
	 * the journal it names; an instruction that names neither stands on its own.
	 */
	Optional<LocalDate> adoptionOf(Act instruction) {
		var adoption = instruction.attributes().get(ActAttributes.ADOPTION);
		if (adoption.isPresent()) {
			return adoptions().stream()
				.filter(a -> "adoption".equals(a.refType()) && a.refId() != null && adoption.get().equals(String.valueOf(a.refId())))
				.map(Act::effectiveOn)
				.findFirst();
		}
		var journal = instruction.attributes().get(ActAttributes.JOURNAL);
		if (journal.isPresent()) {
			return firstAdoptionIn(journal.get());
		}
		return Optional.of(instruction.effectiveOn());
	}
}
