package org.baosong.editorial.web;

import java.util.List;

import org.baosong.editorial.Instructions;
import org.baosong.profile.Term;
import org.springframework.stereotype.Component;

/**
 * What the instructions section of the submission page shows: the item's instructions, the standing
 * adoptions a new one can be given on, and the profile's instruction levels. The fragment
 * ({@code submissions/instructions.html}) asks for it itself ({@code ${@instructionPanel.of(...)}}), so the
 * submission page needs no more than the line that includes it.
 */
@Component("instructionPanel")
public class InstructionPanel {

	private final Instructions instructions;

	InstructionPanel(Instructions instructions) {
		this.instructions = instructions;
	}

	/** The section's data; feedbackDays is the profile's default time for feedback. */
	public record Panel(List<Instructions.Instruction> instructions, List<Instructions.AdoptionChoice> adoptions, List<Term> levels,
			int feedbackDays, java.time.LocalDate today) {

		public boolean shown() {
			return !instructions.isEmpty() || !adoptions.isEmpty();
		}
	}

	public Panel of(long submissionId, String profileId) {
		var terms = instructions.terms(profileId);
		return new Panel(instructions.ofSubmission(submissionId), instructions.adoptionsOf(submissionId), terms.instructionLevels(),
				terms.feedbackDays(), instructions.today());
	}
}
