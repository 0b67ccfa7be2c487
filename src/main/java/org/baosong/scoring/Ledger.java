package org.baosong.scoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.baosong.profile.AssessmentCalendar.PeriodKeys;
import org.baosong.profile.JurisdictionProfile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The score ledger ({@code score_entry}): every row names its rule and the event that earned it, and rows
 * are never changed or deleted. Accepted submissions are quantity rows (0 points) the quotas count; the
 * points of editorial acts and period closes are written by {@link #apply}: a scope's lines derived anew are
 * compared with those that stand, and only the difference is written — a reversing row for each line that no
 * longer holds, a new row for each new line — so every change stays explainable line by line.
 */
@Service
public class Ledger {

	static final String SUBMISSION_ACCEPTED = "SUBMISSION_ACCEPTED";

	static final String ACCEPTED_RULE = "submission.accepted";

	private final LedgerMapper mapper;

	private final Clock clock;

	Ledger(LedgerMapper mapper, Clock clock) {
		this.mapper = mapper;
		this.clock = clock;
	}

	/**
	 * The quantity row of an accepted submission, in the filing transaction. A day the profile's calendar does
	 * not assess (after its year-end) gets none.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordSubmission(JurisdictionProfile profile, long unitId, long submissionId, String trackingNo, String reportType,
			LocalDate receivedOn, Instant receivedAt) {
		quantityLine(profile, unitId, submissionId, trackingNo, reportType, receivedOn, receivedAt).ifPresent(line -> insert(profile.id(), line, null));
	}

	static java.util.Optional<Line> quantityLine(JurisdictionProfile profile, long unitId, long submissionId, String trackingNo,
			String reportType, LocalDate receivedOn, Instant receivedAt) {
		if (!profile.calendar().assessed(receivedOn)) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new Line(Scopes.accepted(submissionId), unitId, receivedOn, profile.calendar().periods(receivedOn),
				BigDecimal.ZERO, ACCEPTED_RULE, SUBMISSION_ACCEPTED, submissionId, submissionId, reportType,
				"报送信息 1 条（" + trackingNo + "）", receivedAt));
	}

	/** What {@link #apply} wrote. */
	record Change(List<Line> added, List<LedgerMapper.Stored> reversed) {

		boolean isEmpty() {
			return added.isEmpty() && reversed.isEmpty();
		}
	}

	/**
	 * Brings a scope's standing lines to the derived ones: locks the scope, reverses each standing line that is
	 * not derived any more, adds each derived line that does not stand yet.
	 *
	 * @param cause why, for the reversing rows' explanation (e.g. 依据 #123)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Change apply(String profileId, String scopeKey, List<Line> derived, String cause) {
		Instant now = clock.instant();
		lock(profileId, scopeKey);
		Map<Line.Key, Deque<LedgerMapper.Stored>> standing = new HashMap<>();
		for (var stored : standing(mapper.scopeRows(profileId, scopeKey))) {
			standing.computeIfAbsent(stored.key(), k -> new ArrayDeque<>()).add(stored);
		}
		var added = new ArrayList<Line>();
		for (Line line : derived) {
			if (!line.scopeKey().equals(scopeKey)) {
				throw new IllegalArgumentException("line of scope " + line.scopeKey() + " applied to " + scopeKey);
			}
			var same = standing.get(line.key());
			if (same != null && !same.isEmpty()) {
				same.poll();
			}
			else {
				added.add(line);
			}
		}
		var reversed = standing.values().stream().flatMap(Deque::stream).sorted(java.util.Comparator.comparingLong(LedgerMapper.Stored::id)).toList();
		for (var stored : reversed) {
			mapper.insert(new LedgerMapper.Entry(profileId, stored.scopeKey(), stored.unitId(), stored.periodYear(), stored.periodHalf(),
					stored.periodQuarter(), stored.periodMonth(), stored.periodWeek(), stored.points().negate(), stored.ruleId(),
					stored.eventKind(), stored.eventId(), stored.submissionId(), stored.reportType(),
					Points.clip("撤销：" + stored.explanation() + (cause == null ? "" : "（" + cause + "）")), stored.id(), now, now));
		}
		for (Line line : added) {
			insert(profileId, line, null);
		}
		return new Change(added, reversed);
	}

	/**
	 * Takes the lock of a scope for the rest of the transaction (a second derivation of the same scope waits), so
	 * that the scope's acts and lines read after it are those committed by whoever held it before.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void lock(String profileId, String scopeKey) {
		mapper.lockScope(profileId, scopeKey, clock.instant());
	}

	/** The rows that stand among a scope's rows: neither reversals nor reversed. */
	static List<LedgerMapper.Stored> standing(List<LedgerMapper.Stored> rows) {
		var reversed = new java.util.HashSet<Long>();
		rows.stream().filter(r -> r.reversesId() != null).forEach(r -> reversed.add(r.reversesId()));
		return rows.stream().filter(r -> r.reversesId() == null && !reversed.contains(r.id())).toList();
	}

	private void insert(String profileId, Line line, Long reversesId) {
		PeriodKeys p = line.periods();
		mapper.insert(new LedgerMapper.Entry(profileId, line.scopeKey(), line.unitId(), p.year(), p.half(), p.quarter(), p.month(), p.week(),
				line.points(), line.ruleId(), line.eventKind(), line.eventId(), line.submissionId(), line.reportType(), line.explanation(),
				reversesId, line.occurredAt() == null ? clock.instant() : line.occurredAt(), clock.instant()));
	}
}
