package org.baosong.profile;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The words of a jurisdiction's editorial acts (profile key {@code editorial}): which leader
 * instructions (批示) it distinguishes, which upper offices can adopt a report (上级采用), which marks
 * (优秀信息 ...) and penalties (通报批评 ...) editors can record, and how many days a unit has to report
 * back on an instruction. The acts store the codes; the scoring rules (issue 8) give them points.
 *
 * @param instructionLevels levels or ranks of the leaders whose instructions count, highest first
 * @param upstreamLevels    upper offices whose adoption of a report counts, e.g. 省政府办公厅, 国务院办公厅
 * @param marks             marks an editor can give a report, e.g. 优秀信息
 * @param penalties         penalties an editor can record against a unit, e.g. 受到上级批评
 * @param feedbackDays      days from an instruction to the unit's feedback due date (反馈时限)
 */
public record EditorialTerms(
		@Valid @NotNull @DefaultValue List<Term> instructionLevels,
		@Valid @NotNull @DefaultValue List<Term> upstreamLevels,
		@Valid @NotNull @DefaultValue List<Term> marks,
		@Valid @NotNull @DefaultValue List<Term> penalties,
		@Min(1) @Max(366) @DefaultValue("30") int feedbackDays) {

	public Optional<Term> instructionLevel(String code) {
		return find(instructionLevels, code);
	}

	public Optional<Term> upstreamLevel(String code) {
		return find(upstreamLevels, code);
	}

	public Optional<Term> mark(String code) {
		return find(marks, code);
	}

	public Optional<Term> penalty(String code) {
		return find(penalties, code);
	}

	private static Optional<Term> find(List<Term> terms, String code) {
		return terms.stream().filter(t -> t.code().equals(code)).findFirst();
	}
}
