package org.baosong.editorial;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import org.baosong.audit.AuditLog;
import org.baosong.common.BaosongProperties;
import org.baosong.common.Page;
import org.baosong.profile.EditorialTerms;
import org.baosong.profile.JurisdictionProfile;
import org.baosong.profile.ProfileCatalog;
import org.baosong.profile.Term;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leader instructions (领导批示, ADR 0017) on adopted items: an editor records the leader's level (one
 * of the profile's {@code editorial.instruction-levels}), name, date and text on one standing adoption
 * of the item, with the unit's feedback due date (the profile's {@code feedback-days} after the
 * instruction unless the editor sets another). Recording writes the INSTRUCTION act, whose attributes
 * carry the level and the adoption's journal, placement and role for scoring, and announces
 * {@link InstructionRecorded} (the replies module mails the unit its 批示通知 in the same transaction).
 * An administrator's undo withdraws the instruction and reverses every act it led to. The feedback
 * itself is {@link InstructionFeedback}'s.
 */
@Service
public class Instructions {

	static final String REF = "instruction";

	/** The states of an instruction, as stored (V13). */
	public static final List<String> STATES = List.of("OPEN", "OVERDUE", "FEEDBACK", "FEEDBACK_LATE", "WITHDRAWN");

	static final int MAX_TEXT = 10_000;

	private final InstructionMapper mapper;

	private final EditorialActs acts;

	private final ProfileCatalog profiles;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	Instructions(InstructionMapper mapper, EditorialActs acts, ProfileCatalog profiles, ApplicationEventPublisher events, Clock clock,
			BaosongProperties baosong) {
		this.mapper = mapper;
		this.acts = acts;
		this.profiles = profiles;
		this.events = events;
		this.clock = clock;
		this.zone = baosong.timeZone();
	}

	/**
	 * What an editor records.
	 *
	 * @param feedbackDue null for the profile's default (the instruction's day + feedback-days)
	 * @param notifyText  whether the notice to the unit quotes the instruction's text (通知单位批示内容)
	 */
	public record NewInstruction(long adoptionId, String level, String leaderName, LocalDate givenOn, String text, LocalDate feedbackDue,
			boolean notifyText) {
	}

	/** An instruction as listed, with its item, the adoption it was given on and its feedback. */
	public record Instruction(long id, String profileId, long submissionId, String trackingNo, String title, long unitId, String unitName,
			long adoptionId, String journalName, int issueYear, int issueNo, String placementKind, String level, String levelName,
			String leaderName, LocalDate givenOn, String text, boolean notifyText, LocalDate feedbackDue, String state, LocalDate feedbackOn,
			String feedbackText, String feedbackBy, Long feedbackSubmissionId, String feedbackTrackingNo, Long actId, Long feedbackActId,
			Long missingActId, Instant createdAt, String createdBy, Instant withdrawnAt, String withdrawnBy) {

		/** Waiting for the unit's feedback (OPEN, or OVERDUE once the due date has passed). */
		public boolean awaiting() {
			return "OPEN".equals(state) || "OVERDUE".equals(state);
		}

		public boolean withdrawn() {
			return "WITHDRAWN".equals(state);
		}

		/** e.g. 穗府信息 2026年第3期 */
		public String issueLabel() {
			return journalName + " " + issueYear + "年第" + issueNo + "期";
		}

		public String feedbackTag() {
			return Instructions.feedbackTag(trackingNo);
		}

		Instruction named(String name) {
			return new Instruction(id, profileId, submissionId, trackingNo, title, unitId, unitName, adoptionId, journalName, issueYear,
					issueNo, placementKind, level, name, leaderName, givenOn, text, notifyText, feedbackDue, state, feedbackOn, feedbackText,
					feedbackBy, feedbackSubmissionId, feedbackTrackingNo, actId, feedbackActId, missingActId, createdAt, createdBy,
					withdrawnAt, withdrawnBy);
		}
	}

	/** A standing adoption of an item, one an instruction can be given on. */
	public record AdoptionChoice(long id, String journalName, int issueYear, int issueNo, LocalDate issueDate, String placementKind) {

		public String label() {
			return journalName + " " + issueYear + "年第" + issueNo + "期 " + placementKind;
		}
	}

	/** Null fields match everything; from/to bound the instruction's day. */
	public record Filter(String state, Long unitId, String level, LocalDate from, LocalDate to) {
	}

	/** Why an instruction or its feedback was refused: a reason code (message key instructions.refused.CODE). */
	public static final class Refused extends RuntimeException {

		private final String code;

		Refused(String code, String message) {
			super(message);
			this.code = code;
		}

		public String code() {
			return code;
		}
	}

	/** The exact subject tag of a unit's feedback mail on an item: 【反馈:GZ-2026-000123】. */
	public static String feedbackTag(String trackingNo) {
		return "【反馈:" + trackingNo + "】";
	}

	/**
	 * Records a leader's instruction on a standing adoption of the submission, with its act and the
	 * notice to the unit, in one transaction; returns its id. Refused: NOT_ADOPTED (the adoption is not a
	 * standing one of this submission), UNKNOWN_LEVEL, LEADER_INVALID, DATE_INVALID (no day, a day to come,
	 * or before the issue's date), DUE_INVALID (before the instruction's day), TEXT_TOO_LONG.
	 */
	@Transactional
	public long record(long submissionId, NewInstruction request) {
		var adoption = mapper.lockAdoption(request.adoptionId()).flatMap(mapper::adoption)
			.filter(a -> a.submissionId() == submissionId && a.standing())
			.orElseThrow(() -> new Refused("NOT_ADOPTED", "adoption " + request.adoptionId() + " is no standing adoption of " + submissionId));
		EditorialTerms terms = terms(adoption.profileId());
		Term level = terms.instructionLevel(request.level() == null ? "" : request.level())
			.orElseThrow(() -> new Refused("UNKNOWN_LEVEL", "level " + request.level() + " is not one of the profile's"));
		String leader = request.leaderName() == null ? "" : request.leaderName().strip();
		if (leader.isEmpty() || leader.length() > 64) {
			throw new Refused("LEADER_INVALID", "the leader's name is required, up to 64 characters");
		}
		LocalDate givenOn = request.givenOn();
		if (givenOn == null || givenOn.isAfter(today()) || givenOn.isBefore(adoption.issueDate())) {
			throw new Refused("DATE_INVALID", "the instruction's day lies between the issue's date and today");
		}
		LocalDate due = request.feedbackDue() != null ? request.feedbackDue() : givenOn.plusDays(terms.feedbackDays());
		if (due.isBefore(givenOn)) {
			throw new Refused("DUE_INVALID", "the feedback is due on or after the instruction's day");
		}
		String text = request.text() == null || request.text().isBlank() ? null : request.text().strip();
		if (text != null && text.length() > MAX_TEXT) {
			throw new Refused("TEXT_TOO_LONG", "the text is longer than " + MAX_TEXT + " characters");
		}
		var row = new InstructionMapper.Row(adoption.profileId(), submissionId, adoption.id(), adoption.unitId(), level.code(), leader, givenOn,
				text, request.notifyText(), due, clock.instant(), AuditLog.currentActor());
		mapper.insert(row);
		String detail = level.name() + " " + leader + "（" + givenOn + "）：" + adoption.issueLabel() + " " + adoption.placementKind()
				+ "，反馈期限 " + due;
		long act = acts.record(adoption.profileId(), "INSTRUCTION", givenOn, adoption.unitId(), submissionId, REF, row.id, detail,
				attributes(adoption, level.code()));
		mapper.setAct(row.id, act);
		events.publishEvent(new InstructionRecorded(row.id, adoption.profileId(), submissionId, adoption.inboundId(), adoption.trackingNo(),
				adoption.title(), adoption.unitName(), adoption.issueLabel(), adoption.placementKind(), level.name(), leader, givenOn,
				request.notifyText() ? text : null, due));
		return row.id;
	}

	/** The adoption's facts as its ADOPTED act has them (journal, journal level, placement, role), with the level and the adoption. */
	private ActAttributes attributes(InstructionMapper.Adoption adoption, String level) {
		var facts = new HashMap<String, String>();
		acts.about("adoption", adoption.id()).stream()
			.filter(a -> a.id().equals(adoption.actId()))
			.findFirst()
			.ifPresent(adopted -> adopted.attributes().asMap().forEach((key, value) -> {
				if (List.of(ActAttributes.JOURNAL, ActAttributes.JOURNAL_LEVEL, ActAttributes.PLACEMENT, ActAttributes.ROLE).contains(key)) {
					facts.put(key, value);
				}
			}));
		facts.put(ActAttributes.LEVEL, level);
		facts.put(ActAttributes.ADOPTION, String.valueOf(adoption.id()));
		return ActAttributes.of(facts);
	}

	/**
	 * An administrator's undo: the instruction is WITHDRAWN (the row stays) and every act it led to that
	 * still stands (the instruction, its feedback, its missing feedback) is reversed. No mail goes to the
	 * unit. Refused NOT_STANDING when it was withdrawn already.
	 */
	@Transactional
	public void undo(long id, String why) {
		Instruction instruction = lockAndFind(id);
		if (mapper.withdraw(id, clock.instant(), AuditLog.currentActor()) != 1) {
			throw new Refused("NOT_STANDING", "instruction " + id + " is withdrawn already");
		}
		var reversed = new HashSet<Long>();
		acts.about(REF, id).stream().filter(EditorialActs.Act::reversal).forEach(a -> reversed.add(a.reversesId()));
		for (Long act : new Long[] { instruction.actId(), instruction.feedbackActId(), instruction.missingActId() }) {
			if (act != null && !reversed.contains(act)) {
				acts.reverse(act, why);
			}
		}
	}

	/** Locks the instruction's row and reads it; NOT_FOUND when there is none. */
	Instruction lockAndFind(long id) {
		return mapper.lock(id).flatMap(mapper::find).map(this::named).orElseThrow(() -> new Refused("NOT_FOUND", "no instruction " + id));
	}

	/** The attributes of an instruction's own act (level, journal, placement, role, adoption): its feedback acts carry them too. */
	ActAttributes attributesOf(Instruction instruction) {
		return acts.about(REF, instruction.id()).stream()
			.filter(a -> a.id().equals(instruction.actId()))
			.map(EditorialActs.Act::attributes)
			.findFirst()
			.orElse(ActAttributes.NONE);
	}

	@Transactional(readOnly = true)
	public Optional<Instruction> find(long id) {
		return mapper.find(id).map(this::named);
	}

	/** The instructions given on one submission, oldest first (withdrawn ones too). */
	@Transactional(readOnly = true)
	public List<Instruction> ofSubmission(long submissionId) {
		return mapper.ofSubmission(submissionId).stream().map(this::named).toList();
	}

	/** One page of instructions, those awaiting feedback first (soonest due first). */
	@Transactional(readOnly = true)
	public Page<Instruction> search(Filter filter, int page, int size) {
		int limit = Math.max(1, Math.min(size, 500));
		var items = mapper.search(filter, Page.offset(page, limit), limit).stream().map(this::named).toList();
		return new Page<>(items, Math.max(0, page), limit, mapper.count(filter));
	}

	/** How many instructions are past their due date without feedback (the dashboard's number). */
	@Transactional(readOnly = true)
	public long countOverdue() {
		return mapper.countInState("OVERDUE");
	}

	/** The standing adoptions of a submission: what an instruction can be given on. */
	@Transactional(readOnly = true)
	public List<AdoptionChoice> adoptionsOf(long submissionId) {
		return mapper.standingAdoptions(submissionId);
	}

	/** The editorial vocabulary of a profile (instruction levels, feedback days). */
	public EditorialTerms terms(String profileId) {
		return profiles.find(profileId).map(JurisdictionProfile::editorial)
			.orElseThrow(() -> new IllegalStateException("no profile " + profileId));
	}

	/** Today in the office's time zone. */
	public LocalDate today() {
		return clock.instant().atZone(zone).toLocalDate();
	}

	private Instruction named(Instruction instruction) {
		return profiles.find(instruction.profileId())
			.flatMap(p -> p.editorial().instructionLevel(instruction.level()))
			.map(t -> instruction.named(t.name()))
			.orElse(instruction);
	}
}
