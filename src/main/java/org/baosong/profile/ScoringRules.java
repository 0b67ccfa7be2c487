package org.baosong.profile;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What earns and costs points in a jurisdiction (profile key {@code scoring}, spec/scoring.md). The
 * scoring engine matches editorial acts against these rules; nothing about a jurisdiction is in Java.
 * Targets and their consequences sit on the sequences ({@link Target}); the parent-credit share too
 * ({@link Sequence#parentCredit()}). Every section may be left out: a profile without points (Gannan)
 * still has its quotas checked and flagged.
 *
 * @param journals      the journals whose adoptions earn points, by the code of the journal rows, with the
 *                      name explanations show and the placement kinds the rules may name
 * @param placements    points per journal and placement kind (and role), and how one item's adoptions combine
 * @param instructions  leader instruction (批示) bonuses by level
 * @param upstream      bonuses for adoption by upper offices (上级采用), with or without an instruction
 * @param commissions   points for commissions (约稿) answered on time, late or not at all
 * @param feedback      points for the unit's feedback on an instruction: on time, late, missing at the due date
 * @param marks         points of the marks editors give (优秀信息 ...), by mark code
 * @param penalties     points of the penalties editors record (受到上级批评 ...), by penalty code
 * @param parentCredit  which points of a direct-report point are also credited to its supervising unit
 * @param base          points every unit starts a period with (Changchun: 80 for the year), or null
 * @param normalisation the period whose final scores are converted to a scale (100 × score ÷ best in the sequence)
 * @param alerts        what the bulletins flag: missed targets, consecutive misses, zero adoption, praise
 */
public record ScoringRules(
		@Valid @NotNull @DefaultValue List<JournalName> journals,
		@Valid @NotNull @DefaultValue Placements placements,
		@Valid @NotNull @DefaultValue Instructions instructions,
		@Valid @NotNull @DefaultValue Upstream upstream,
		@Valid @NotNull @DefaultValue CommissionPoints commissions,
		@Valid @NotNull @DefaultValue FeedbackPoints feedback,
		@Valid @NotNull @DefaultValue List<CodePoints> marks,
		@Valid @NotNull @DefaultValue List<CodePoints> penalties,
		@Valid @NotNull @DefaultValue ParentCredit parentCredit,
		@Valid BasePoints base,
		@Valid Normalisation normalisation,
		@Valid @NotNull @DefaultValue Alerts alerts) {

	static final String RULE_ID = "[a-z0-9][a-z0-9-]*";

	static final String RULE_ID_MESSAGE = "must be lower-case letters, digits and '-'";

	public Optional<JournalName> journal(String code) {
		return journals.stream().filter(j -> j.code().equals(code)).findFirst();
	}

	public Optional<CodePoints> mark(String code) {
		return marks.stream().filter(m -> m.code().equals(code)).findFirst();
	}

	public Optional<CodePoints> penalty(String code) {
		return penalties.stream().filter(m -> m.code().equals(code)).findFirst();
	}

	/**
	 * @param code       the code of the journal rows (刊物) of this profile, e.g. {@code SFXX}
	 * @param name       the name explanations use, e.g. 穗府信息
	 * @param placements the placement kinds (标题信息, 短波信息 ...) rules may name; empty: any
	 */
	public record JournalName(@NotBlank @Size(max = 32) String code, @NotBlank String name,
			@NotNull @DefaultValue List<@NotBlank String> placements) {
	}

	/** How the adoptions of one item (a submission) by several journals combine. */
	public enum SameItem {
		/** every adoption counts (Changchun: 市委 and 市政府 adoptions both count) */
		SUM,
		/** only the highest counts (Yinchuan: 单条信息被各级信息刊物重复采用的只记最高分) */
		HIGHEST
	}

	/** How several bonuses of one item combine. */
	public enum Combine {
		SUM, MAX
	}

	/** Who gets an instruction bonus of a joint report: every credited unit, or the host (主办) only. */
	public enum Beneficiary {
		ALL, HOST
	}

	/** The sections of rules, for parent credit. */
	public enum Section {
		PLACEMENTS, INSTRUCTIONS, UPSTREAM, COMMISSIONS, FEEDBACK, MARKS, PENALTIES
	}

	/**
	 * @param sameItem how one item's adoptions by several journals combine
	 * @param rules    points per journal, placement kind and role
	 */
	public record Placements(@NotNull @DefaultValue("SUM") SameItem sameItem, @Valid @NotNull @DefaultValue List<PlacementRule> rules) {
	}

	/**
	 * Points of an adoption (ADOPTED act) in a journal.
	 *
	 * @param id        stable rule id, named by every ledger line it earns
	 * @param journal   the journal code
	 * @param placement the placement kind; null: any
	 * @param role      HOST or PARTICIPANT for joint reports; null: any
	 * @param points    the points
	 */
	public record PlacementRule(
			@NotBlank @Size(max = 40) @Pattern(regexp = RULE_ID, message = RULE_ID_MESSAGE) String id,
			@NotBlank String journal,
			String placement,
			@Pattern(regexp = "HOST|PARTICIPANT", message = "must be HOST or PARTICIPANT") String role,
			@NotNull BigDecimal points) {
	}

	/**
	 * @param combine     how several instructions on one item combine (Changchun: 如有多位领导批示的取最高分值)
	 * @param beneficiary who of a joint report gets the bonus (Guangzhou 四(二)4: 给主办单位加8分)
	 * @param rules       points per instruction level, optionally only on adoptions in given journals
	 */
	public record Instructions(@NotNull @DefaultValue("MAX") Combine combine, @NotNull @DefaultValue("ALL") Beneficiary beneficiary,
			@Valid @NotNull @DefaultValue List<InstructionRule> rules) {
	}

	/**
	 * @param id       stable rule id
	 * @param level    the instruction level code (editorial.instruction-levels)
	 * @param journals only instructions on adoptions in these journals; empty: any
	 * @param points   the points
	 */
	public record InstructionRule(
			@NotBlank @Size(max = 40) @Pattern(regexp = RULE_ID, message = RULE_ID_MESSAGE) String id,
			@NotBlank String level,
			@NotNull @DefaultValue List<@NotBlank String> journals,
			@NotNull BigDecimal points) {
	}

	/**
	 * @param combine         how several upper adoptions (and the instructions named here) of one item combine
	 * @param cap             the most the bonuses of one item may reach together, or null
	 * @param requiresJournal bonuses only for items adopted in this journal (Guangzhou: 穗府信息专报), or null
	 * @param withPlacements  upper adoptions are journals of the same item: placements.same-item decides how they
	 *                        combine with the office's own adoptions (Yinchuan: 各级信息刊物), combine and cap do not apply
	 * @param rules           points per upper office, with or without an instruction, or per instruction level
	 */
	public record Upstream(@NotNull @DefaultValue("MAX") Combine combine, @DecimalMin("0") BigDecimal cap, String requiresJournal,
			@DefaultValue("false") boolean withPlacements, @Valid @NotNull @DefaultValue List<UpstreamRule> rules) {

		boolean instructionRules() {
			return rules.stream().anyMatch(r -> r.instructionLevel() != null);
		}
	}

	/**
	 * Points of an upper office's adoption (UPSTREAM_ADOPTION act, by {@code level} and {@code with-instruction}) or
	 * of an instruction counted with them (INSTRUCTION act, by {@code instruction-level}; Guangzhou 四(二)5).
	 *
	 * @param id               stable rule id
	 * @param level            the upper office code (editorial.upstream-levels)
	 * @param withInstruction  true: only adoptions with a leader's instruction; false: only without; null: both
	 * @param instructionLevel the instruction level code, instead of level
	 * @param points           the points
	 */
	public record UpstreamRule(
			@NotBlank @Size(max = 40) @Pattern(regexp = RULE_ID, message = RULE_ID_MESSAGE) String id,
			String level,
			Boolean withInstruction,
			String instructionLevel,
			@NotNull BigDecimal points) {

		@AssertTrue(message = "an upstream rule names either level (with-instruction optional) or instruction-level")
		public boolean isLevelOrInstruction() {
			return (level == null) != (instructionLevel == null) && (withInstruction == null || level != null);
		}
	}

	/**
	 * Points per commission (约稿) outcome of a unit; null: no line.
	 *
	 * @param answered                  answered by the deadline
	 * @param answeredRequiresAdoption  the answer earns only once it is adopted (Guangzhou 四(二)6: 按时保质完成…并被采用)
	 * @param late                      answered after the deadline
	 * @param missing                   not answered when the commission closed
	 */
	public record CommissionPoints(BigDecimal answered, @DefaultValue("true") boolean answeredRequiresAdoption, BigDecimal late,
			BigDecimal missing) {
	}

	/** Points per feedback outcome on an instruction (FEEDBACK, FEEDBACK_LATE, FEEDBACK_MISSING acts); null: no line. */
	public record FeedbackPoints(BigDecimal onTime, BigDecimal late, BigDecimal missing) {
	}

	/** Points of a mark or penalty code. */
	public record CodePoints(@NotBlank String code, @NotNull BigDecimal points) {
	}

	/** @param of the sections whose points a direct-report point's supervising unit is also credited with */
	public record ParentCredit(@NotNull @DefaultValue({ "PLACEMENTS", "INSTRUCTIONS", "UPSTREAM" }) Set<Section> of) {
	}

	/** Points every unit of a sequence is given at the close of each period of a kind (Changchun: 基础分为80分). */
	public record BasePoints(@NotNull BigDecimal points, @NotNull PeriodKind period) {
	}

	/** At the close of each period of a kind, final scores become {@code scale × score ÷ best score in the sequence}. */
	public record Normalisation(@NotNull PeriodKind period, @NotNull @DecimalMin("1") @DefaultValue("100") BigDecimal scale) {
	}

	/**
	 * What bulletins flag; each alert is optional.
	 *
	 * @param missedTarget      a target missed in a closed period
	 * @param consecutiveMissed targets missed in this many consecutive periods of a kind
	 * @param zeroAdoption      not one adoption in a period
	 * @param allMet            praise: every period of a kind within a longer one met its targets
	 */
	public record Alerts(@Valid MissedTarget missedTarget, @Valid ConsecutiveMissed consecutiveMissed, @Valid ZeroAdoption zeroAdoption,
			@Valid AllMet allMet) {
	}

	/** @param periods only targets of these periods; empty: all */
	public record MissedTarget(@NotNull @DefaultValue List<@NotNull PeriodKind> periods, @NotBlank String text) {
	}

	public record ConsecutiveMissed(@Min(2) int periods, @NotNull PeriodKind period, @NotBlank String text) {
	}

	public record ZeroAdoption(@NotNull @DefaultValue("YEAR") PeriodKind period, @NotBlank String text) {
	}

	public record AllMet(@NotNull @DefaultValue("YEAR") PeriodKind period, @NotNull @DefaultValue("QUARTER") PeriodKind of,
			@NotBlank String text) {
	}
}
