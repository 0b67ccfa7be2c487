package org.baosong.editorial;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.baosong.audit.AuditLog;
import org.baosong.profile.Term;
import org.baosong.registry.Registry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Penalties (通报批评, 受到上级批评 and the other penalties a profile names) recorded against a unit, about
 * one of its submissions or about the unit alone, always with the reason; each is a PENALTY act (code)
 * effective on the day it was given. A penalty about a submission counts in that submission's profile,
 * one about a unit in the deployment's jurisdiction. An administrator's undo reverses the act and marks
 * the row withdrawn (ADR 0018).
 */
@Service
@Transactional
public class Penalties {

	static final String REF = "penalty";

	static final String KIND = "PENALTY";

	/** At most this many penalties are listed at once. */
	static final int LIST_LIMIT = 500;

	private final RecordedActMapper mapper;

	private final ActChecks checks;

	private final EditorialActs acts;

	private final Registry registry;

	private final Clock clock;

	Penalties(RecordedActMapper mapper, ActChecks checks, EditorialActs acts, Registry registry, Clock clock) {
		this.mapper = mapper;
		this.checks = checks;
		this.acts = acts;
		this.registry = registry;
		this.clock = clock;
	}

	/**
	 * What an editor records.
	 *
	 * @param unitId       the unit penalized; may be left out when a submission is named (its unit)
	 * @param submissionId the submission the penalty is about, or null
	 * @param code         a code of the profile's penalties
	 * @param reason       why, required (what the upper office criticized)
	 */
	public record NewPenalty(Long unitId, Long submissionId, String code, LocalDate givenOn, String reason) {
	}

	/** One penalty as listed; standing unless withdrawn. */
	public record Entry(long id, String profileId, long unitId, String unitName, Long submissionId, String trackingNo, String code,
			LocalDate givenOn, String reason, Long actId, Instant createdAt, String createdBy, Instant withdrawnAt, String withdrawnBy,
			String withdrawnReason) {

		public boolean standing() {
			return withdrawnAt == null;
		}
	}

	/** Null values match everything; the days are inclusive. */
	public record Filter(Long unitId, LocalDate from, LocalDate to) {
	}

	/**
	 * Records a penalty and its act; returns the row's id. Refused: UNIT_REQUIRED, NOT_FOUND (unit or
	 * submission), UNIT_MISMATCH (the submission is another unit's), UNKNOWN_CODE, REASON_REQUIRED,
	 * DATE_INVALID, TOO_LONG.
	 */
	public long record(NewPenalty request) {
		if (request.unitId() == null && request.submissionId() == null) {
			throw new ActRefused("UNIT_REQUIRED", "a unit or a submission is required");
		}
		var submission = request.submissionId() == null ? null : checks.anySubmission(request.submissionId());
		long unitId = submission == null ? request.unitId() : submission.unitId();
		if (request.unitId() != null && request.unitId() != unitId) {
			throw new ActRefused("UNIT_MISMATCH", submission.trackingNo() + " is not a submission of unit #" + request.unitId());
		}
		if (registry.unit(unitId).isEmpty()) {
			throw new ActRefused("NOT_FOUND", "no unit " + unitId);
		}
		String profileId = submission == null ? checks.jurisdictionId() : submission.profileId();
		Term penalty = checks.terms(profileId).penalty(request.code() == null ? "" : request.code())
			.orElseThrow(() -> new ActRefused("UNKNOWN_CODE", "no penalty '" + request.code() + "' in " + profileId));
		var clean = new NewPenalty(unitId, request.submissionId(), penalty.code(), checks.day(request.givenOn()),
				ActChecks.reason(request.reason(), 1000));
		var key = new RecordedActMapper.Key();
		mapper.insertPenalty(key, profileId, unitId, clean.submissionId(), clean, clock.instant(), AuditLog.currentActor());
		long act = acts.record(profileId, KIND, clean.givenOn(), unitId, clean.submissionId(), REF, key.id,
				penalty.name() + "：" + clean.reason(), ActAttributes.of(ActAttributes.CODE, penalty.code()));
		mapper.penaltyAct(key.id, act);
		return key.id;
	}

	/** Undoes a standing penalty, with a reason: its act is reversed, the row marked withdrawn. */
	public Entry undo(long id, String reason) {
		String why = ActChecks.reason(reason, 500);
		var entry = mapper.lockPenalty(id).orElseThrow(() -> new ActRefused("NOT_FOUND", "no penalty " + id));
		if (mapper.withdrawPenalty(id, clock.instant(), AuditLog.currentActor(), why) != 1) {
			throw new ActRefused("NOT_STANDING", "penalty " + id + " is already withdrawn");
		}
		acts.reverse(entry.actId(), why);
		return entry;
	}

	/** Penalties given in the filter's days, newest first (at most {@value #LIST_LIMIT}). */
	@Transactional(readOnly = true)
	public List<Entry> search(Filter filter) {
		return mapper.penalties(filter, LIST_LIMIT);
	}

	@Transactional(readOnly = true)
	public java.util.Optional<Entry> find(long id) {
		return mapper.penalty(id);
	}

	@Transactional(readOnly = true)
	public List<Entry> ofSubmission(long submissionId) {
		return mapper.penaltiesOfSubmission(submissionId);
	}
}
