package org.baosong.editorial;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.baosong.audit.AuditLog;
import org.baosong.profile.Term;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Upstream adoptions (上级采用): an upper office of the profile's list (省政府办公厅, 国务院办公厅 ...) adopted
 * a submission, with or without a leader instruction there. Recorded on any submission of the profile
 * but one returned for revision (an upper office may take an item the office did not adopt), once per
 * level; each is an UPSTREAM_ADOPTION act (level, withInstruction) effective on the day it was adopted.
 * An administrator's undo reverses the act and marks the row withdrawn (ADR 0018).
 */
@Service
@Transactional
public class UpstreamAdoptions {

	static final String REF = "upstream_adoption";

	static final String KIND = "UPSTREAM_ADOPTION";

	private final RecordedActMapper mapper;

	private final ActChecks checks;

	private final EditorialActs acts;

	private final Clock clock;

	UpstreamAdoptions(RecordedActMapper mapper, ActChecks checks, EditorialActs acts, Clock clock) {
		this.mapper = mapper;
		this.checks = checks;
		this.acts = acts;
		this.clock = clock;
	}

	/**
	 * What an editor records.
	 *
	 * @param level           a code of the profile's upstream levels
	 * @param withInstruction a leader of that office wrote an instruction on it (null: no)
	 * @param journalName     the upper office's publication, free text, e.g. 国务院办公厅《政务信息》
	 */
	public record NewUpstreamAdoption(String level, Boolean withInstruction, String journalName, LocalDate adoptedOn, String note) {
	}

	/** One upstream adoption as listed; standing unless withdrawn. */
	public record Entry(long id, String profileId, long submissionId, String trackingNo, String title, long unitId, String unitName,
			String level, boolean withInstruction, String journalName, LocalDate adoptedOn, String note, Long actId, Instant createdAt,
			String createdBy, Instant withdrawnAt, String withdrawnBy, String withdrawnReason) {

		public boolean standing() {
			return withdrawnAt == null;
		}
	}

	/**
	 * Records an upstream adoption of a submission and its act; returns the row's id. Refused: NOT_FOUND,
	 * WRONG_STATE (returned), UNKNOWN_LEVEL, DUPLICATE (this level stands already), DATE_INVALID, TOO_LONG.
	 */
	public long record(long submissionId, NewUpstreamAdoption request) {
		var submission = checks.submission(submissionId);
		Term level = checks.terms(submission.profileId()).upstreamLevel(request.level() == null ? "" : request.level())
			.orElseThrow(() -> new ActRefused("UNKNOWN_LEVEL", "no upstream level '" + request.level() + "' in " + submission.profileId()));
		var clean = new NewUpstreamAdoption(level.code(), Boolean.TRUE.equals(request.withInstruction()), ActChecks.text(request.journalName(), 200),
				checks.day(request.adoptedOn()), ActChecks.text(request.note(), 1000));
		if (mapper.standingUpstream(submission.id(), level.code()) > 0) {
			throw new ActRefused("DUPLICATE", submission.trackingNo() + " already has an adoption by " + level.name());
		}
		var key = new RecordedActMapper.Key();
		mapper.insertUpstream(key, submission, clean, clock.instant(), AuditLog.currentActor());
		String detail = level.name() + "采用" + (clean.withInstruction() ? "（有领导批示）" : "")
				+ (clean.journalName() == null ? "" : " " + clean.journalName());
		var facts = ActAttributes.of(Map.of(ActAttributes.LEVEL, level.code(), ActAttributes.WITH_INSTRUCTION,
				String.valueOf(clean.withInstruction())));
		long act = acts.record(submission.profileId(), KIND, clean.adoptedOn(), submission.unitId(), submission.id(), REF, key.id, detail,
				facts);
		mapper.upstreamAct(key.id, act);
		return key.id;
	}

	/** Undoes a standing upstream adoption, with a reason: its act is reversed, the row marked withdrawn. */
	public Entry undo(long id, String reason) {
		String why = ActChecks.reason(reason, 500);
		var entry = mapper.lockUpstream(id).orElseThrow(() -> new ActRefused("NOT_FOUND", "no upstream adoption " + id));
		if (mapper.withdrawUpstream(id, clock.instant(), AuditLog.currentActor(), why) != 1) {
			throw new ActRefused("NOT_STANDING", "upstream adoption " + id + " is already withdrawn");
		}
		acts.reverse(entry.actId(), why);
		return entry;
	}

	@Transactional(readOnly = true)
	public List<Entry> ofSubmission(long submissionId) {
		return mapper.upstreamOfSubmission(submissionId);
	}

	@Transactional(readOnly = true)
	public List<Entry> ofUnit(long unitId) {
		return mapper.upstreamOfUnit(unitId);
	}
}
