package org.baosong.editorial;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.baosong.audit.AuditLog;
import org.baosong.profile.Term;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editorial marks (优秀信息 and the other marks a profile names) given to a submission, once per mark;
 * each is a MARK act (code) effective on the day it was given. Any submission of the profile but one
 * returned for revision may be marked. An administrator's undo reverses the act and marks the row
 * withdrawn (ADR 0018).
 */
@Service
@Transactional
public class Marks {

	static final String REF = "mark";

	static final String KIND = "MARK";

	private final RecordedActMapper mapper;

	private final ActChecks checks;

	private final EditorialActs acts;

	private final Clock clock;

	Marks(RecordedActMapper mapper, ActChecks checks, EditorialActs acts, Clock clock) {
		this.mapper = mapper;
		this.checks = checks;
		this.acts = acts;
		this.clock = clock;
	}

	/** What an editor records: a code of the profile's marks. */
	public record NewMark(String code, LocalDate markedOn, String note) {
	}

	/** One mark as listed; standing unless withdrawn. */
	public record Entry(long id, String profileId, long submissionId, String trackingNo, String title, long unitId, String unitName,
			String code, LocalDate markedOn, String note, Long actId, Instant createdAt, String createdBy, Instant withdrawnAt,
			String withdrawnBy, String withdrawnReason) {

		public boolean standing() {
			return withdrawnAt == null;
		}
	}

	/**
	 * Gives a submission a mark and records its act; returns the row's id. Refused: NOT_FOUND, WRONG_STATE
	 * (returned), UNKNOWN_CODE, DUPLICATE (this mark stands already), DATE_INVALID, TOO_LONG.
	 */
	public long record(long submissionId, NewMark request) {
		var submission = checks.submission(submissionId);
		Term mark = checks.terms(submission.profileId()).mark(request.code() == null ? "" : request.code())
			.orElseThrow(() -> new ActRefused("UNKNOWN_CODE", "no mark '" + request.code() + "' in " + submission.profileId()));
		var clean = new NewMark(mark.code(), checks.day(request.markedOn()), ActChecks.text(request.note(), 1000));
		if (mapper.standingMarks(submission.id(), mark.code()) > 0) {
			throw new ActRefused("DUPLICATE", submission.trackingNo() + " is already marked " + mark.name());
		}
		var key = new RecordedActMapper.Key();
		mapper.insertMark(key, submission, clean, clock.instant(), AuditLog.currentActor());
		String detail = mark.name() + (clean.note() == null ? "" : "：" + clean.note());
		long act = acts.record(submission.profileId(), KIND, clean.markedOn(), submission.unitId(), submission.id(), REF, key.id, detail,
				ActAttributes.of(ActAttributes.CODE, mark.code()));
		mapper.markAct(key.id, act);
		return key.id;
	}

	/** Undoes a standing mark, with a reason: its act is reversed, the row marked withdrawn. */
	public Entry undo(long id, String reason) {
		String why = ActChecks.reason(reason, 500);
		var entry = mapper.lockMark(id).orElseThrow(() -> new ActRefused("NOT_FOUND", "no mark " + id));
		if (mapper.withdrawMark(id, clock.instant(), AuditLog.currentActor(), why) != 1) {
			throw new ActRefused("NOT_STANDING", "mark " + id + " is already withdrawn");
		}
		acts.reverse(entry.actId(), why);
		return entry;
	}

	@Transactional(readOnly = true)
	public List<Entry> ofSubmission(long submissionId) {
		return mapper.marksOfSubmission(submissionId);
	}

	@Transactional(readOnly = true)
	public List<Entry> ofUnit(long unitId) {
		return mapper.marksOfUnit(unitId);
	}
}
