package org.baosong.profile;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One jurisdiction's rules, as read from {@code config/profiles/<id>.yml} (root key {@code profile}).
 *
 * @param id             the file name without {@code .yml}; mailboxes refer to it
 * @param name           the regulation it comes from, e.g. 广州市政务信息工作实施方案（穗府办〔2005〕61号）
 * @param office         the receiving office named in replies and bulletins
 * @param trackingPrefix the prefix of tracking numbers, e.g. {@code GZ} in {@code GZ-2026-000123}
 * @param calendar       the assessment calendar
 * @param sequences      the sequences (序列) units are ranked in
 * @param subject        the subject-line grammar options
 * @param rules          the screening rule options
 * @param editorial      the vocabulary of editorial acts (instruction levels, upper offices, marks, penalties)
 * @param scoring        what earns and costs points (spec/scoring.md)
 */
public record JurisdictionProfile(
		@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and '-'") String id,
		@NotBlank String name,
		@NotBlank String office,
		@NotBlank @Pattern(regexp = "[A-Z]{1,6}", message = "must be 1 to 6 capital letters") String trackingPrefix,
		@Valid @NotNull AssessmentCalendar calendar,
		@Valid @NotEmpty List<Sequence> sequences,
		@Valid @NotNull @DefaultValue SubjectGrammar subject,
		@Valid @NotNull @DefaultValue RuleOptions rules,
		@Valid @NotNull @DefaultValue EditorialTerms editorial,
		@Valid @NotNull @DefaultValue ScoringRules scoring) {

	public Optional<Sequence> sequence(String code) {
		return sequences.stream().filter(s -> s.code().equals(code)).findFirst();
	}
}
