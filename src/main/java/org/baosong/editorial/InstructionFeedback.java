package org.baosong.editorial;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unit's feedback on a leader's instruction (ADR 0017): recorded by an editor, or arriving as the
 * unit's mail tagged 【反馈:tracking no】 (linked while the mail is filed). Feedback on or before the due
 * date is a FEEDBACK act, after it FEEDBACK_LATE. When the due date passes without feedback the job
 * ({@link #markOverdue}) makes the instruction OVERDUE with a FEEDBACK_MISSING act effective on the due
 * date; that act stays when late feedback arrives (missing at the due date is a fact), and is reversed
 * when feedback dated on time is recorded afterwards (it was not missing after all). The stream does not
 * depend on when the job ran: late feedback on an instruction the job has not reached yet records the
 * missing act first.
 */
@Service
public class InstructionFeedback {

	private static final Logger log = LoggerFactory.getLogger(InstructionFeedback.class);

	private final InstructionMapper mapper;

	private final Instructions instructions;

	private final EditorialActs acts;

	private final java.time.Clock clock;

	InstructionFeedback(InstructionMapper mapper, Instructions instructions, EditorialActs acts, java.time.Clock clock) {
		this.mapper = mapper;
		this.instructions = instructions;
		this.acts = acts;
		this.clock = clock;
	}

	/**
	 * What a filed mail's 【反馈:no】 tag leads to: the instructions it answers (none when it cannot be
	 * linked) and the note the editors read beside the FEEDBACK flag.
	 */
	public record MailFeedback(List<Long> instructionIds, String note) {

		static final MailFeedback NONE = new MailFeedback(List.of(), null);

		public MailFeedback {
			instructionIds = List.copyOf(instructionIds);
		}

		/** The flags with the FEEDBACK flag's detail replaced by the note (added when screening set none). */
		public List<FilingRequest.Flag> annotate(List<FilingRequest.Flag> flags) {
			if (note == null) {
				return flags;
			}
			var annotated = new ArrayList<FilingRequest.Flag>();
			flags.stream().filter(f -> !"FEEDBACK".equals(f.code())).forEach(annotated::add);
			annotated.add(new FilingRequest.Flag("FEEDBACK", note));
			return annotated;
		}
	}

	/**
	 * Records the unit's feedback as an editor took it (by phone, on paper, from a mail without the tag).
	 * Refused: NOT_FOUND, NOT_AWAITING (feedback recorded already, or withdrawn), FEEDBACK_DATE_INVALID
	 * (no day, a day to come, or before the instruction), FEEDBACK_TEXT_REQUIRED.
	 */
	@Transactional
	public void record(long instructionId, LocalDate on, String text) {
		var instruction = instructions.lockAndFind(instructionId);
		if (!instruction.awaiting()) {
			throw new Instructions.Refused("NOT_AWAITING", "instruction " + instructionId + " is " + instruction.state());
		}
		if (on == null || on.isAfter(instructions.today()) || on.isBefore(instruction.givenOn())) {
			throw new Instructions.Refused("FEEDBACK_DATE_INVALID", "the feedback's day lies between the instruction's day and today");
		}
		String clean = text == null ? "" : text.strip();
		if (clean.isEmpty() || clean.length() > Instructions.MAX_TEXT) {
			throw new Instructions.Refused("FEEDBACK_TEXT_REQUIRED", "say what the unit reported, up to " + Instructions.MAX_TEXT + " characters");
		}
		settle(instruction, on, "EDITOR", clean, null, null, null);
	}

	/**
	 * Which open instructions a filed mail's 【反馈:no】 answers, decided (and their rows locked) before the
	 * submission is written so that the editors' note says it: the item must be of the mail's own unit
	 * and have instructions awaiting feedback; otherwise nothing is linked and the note says why.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public MailFeedback ofMail(FilingRequest request) {
		if (request.feedbackOf() == null || request.feedbackOf().isBlank()) {
			return MailFeedback.NONE;
		}
		String trackingNo = request.feedbackOf().strip().toUpperCase(Locale.ROOT);
		var item = mapper.tracked(request.profileId(), trackingNo);
		String unlinked = null;
		List<Long> open = List.of();
		if (item.isEmpty()) {
			unlinked = "没有这个编号的信息";
		}
		else if (item.get().unitId() != request.unitId()) {
			unlinked = "不是本单位报送的信息";
		}
		else if ((open = mapper.lockAwaiting(item.get().id())).isEmpty()) {
			unlinked = "该信息没有待反馈的领导批示";
		}
		if (unlinked != null) {
			log.info("inbound #{}: feedback tag {} not linked: {}", request.inboundId(), trackingNo, unlinked);
			return new MailFeedback(List.of(), "反馈 " + trackingNo + "：" + unlinked + "，未关联批示");
		}
		return new MailFeedback(open, "反馈 " + trackingNo + "：已关联 " + open.size() + " 条领导批示");
	}

	/** Records the mail as the feedback of the instructions {@link #ofMail} found, effective on the day it was received. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void linkMail(MailFeedback feedback, FilingRequest request, Filing.Filed filed) {
		for (long id : feedback.instructionIds()) {
			var instruction = instructions.lockAndFind(id);
			if (instruction.awaiting()) {
				settle(instruction, request.receivedOn(), "MAIL", request.title(), filed.submissionId(), request.inboundId(), filed.trackingNo());
			}
		}
	}

	/** Marks every OPEN instruction whose due date has passed OVERDUE, each with its missing act; returns how many. */
	@Transactional
	public int markOverdue() {
		int marked = 0;
		for (long id : mapper.openDue(instructions.today())) {
			if (missing(instructions.lockAndFind(id))) {
				marked++;
			}
		}
		return marked;
	}

	private boolean missing(Instructions.Instruction instruction) {
		if (mapper.overdue(instruction.id()) != 1) {
			return false;
		}
		long act = acts.record(instruction.profileId(), "FEEDBACK_MISSING", instruction.feedbackDue(), instruction.unitId(),
				instruction.submissionId(), Instructions.REF, instruction.id(),
				about(instruction) + "到期未反馈（期限 " + instruction.feedbackDue() + "）", instructions.attributesOf(instruction));
		mapper.missingAct(instruction.id(), act);
		return true;
	}

	private void settle(Instructions.Instruction instruction, LocalDate on, String by, String text, Long submissionId, Long inboundId,
			String trackingNo) {
		boolean late = on.isAfter(instruction.feedbackDue());
		if (late && "OPEN".equals(instruction.state())) {
			missing(instruction); // the job has not reached it yet: missing at the due date all the same
		}
		if (!late && instruction.missingActId() != null) {
			acts.reverse(instruction.missingActId(), "按期反馈补录");
		}
		String kind = late ? "FEEDBACK_LATE" : "FEEDBACK";
		String detail = about(instruction) + (late ? "逾期反馈" : "按期反馈") + "（" + on + "，期限 " + instruction.feedbackDue() + "）"
				+ (trackingNo == null ? "" : "：来信 " + trackingNo);
		long act = acts.record(instruction.profileId(), kind, on, instruction.unitId(), instruction.submissionId(), Instructions.REF,
				instruction.id(), detail, instructions.attributesOf(instruction));
		if (mapper.feedback(instruction.id(), kind, on, text, by, submissionId, inboundId, clock.instant(), AuditLog.currentActor(), act) != 1) {
			throw new IllegalStateException("instruction " + instruction.id() + " changed under its lock");
		}
	}

	private static String about(Instructions.Instruction instruction) {
		return instruction.levelName() + " " + instruction.leaderName() + "（" + instruction.givenOn() + "）";
	}
}
