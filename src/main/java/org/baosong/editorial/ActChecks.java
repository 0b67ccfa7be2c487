package org.baosong.editorial;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.baosong.common.BaosongProperties;
import org.baosong.profile.EditorialTerms;
import org.baosong.profile.ProfileCatalog;
import org.springframework.stereotype.Component;

/**
 * What upstream adoptions, marks and penalties check alike (ADR 0018): the submission exists and is
 * not one returned for revision (its correction carries it), the day is not in the future, texts fit
 * their columns, an undo says why.
 */
@Component
class ActChecks {

	private final RecordedActMapper mapper;

	private final ProfileCatalog profiles;

	private final Clock clock;

	private final ZoneId zone;

	ActChecks(RecordedActMapper mapper, ProfileCatalog profiles, Clock clock, BaosongProperties baosong) {
		this.mapper = mapper;
		this.profiles = profiles;
		this.clock = clock;
		this.zone = baosong.timeZone();
	}

	/** Locks the submission an act is recorded on; refuses an unknown one and one returned for revision. */
	RecordedActMapper.Subject submission(long id) {
		var subject = anySubmission(id);
		if (SubmissionState.RETURNED.name().equals(subject.state())) {
			throw new ActRefused("WRONG_STATE", subject.trackingNo() + " was returned for revision; record it on the correction");
		}
		return subject;
	}

	/** Locks the submission an act is about, whatever its state; refuses an unknown one. */
	RecordedActMapper.Subject anySubmission(long id) {
		return mapper.lockSubmission(id).orElseThrow(() -> new ActRefused("NOT_FOUND", "no submission " + id));
	}

	/** The editorial vocabulary of a profile (empty lists for a profile that names none). */
	EditorialTerms terms(String profileId) {
		return profiles.find(profileId).orElse(profiles.jurisdiction()).editorial();
	}

	/** The deployment's jurisdiction profile: the one a penalty about a unit alone counts in. */
	String jurisdictionId() {
		return profiles.jurisdiction().id();
	}

	/** A day an act happened on: given, and not after today in the office's time zone. */
	LocalDate day(LocalDate day) {
		if (day == null || day.isAfter(today()) || day.getYear() < 2000) {
			throw new ActRefused("DATE_INVALID", "a date up to today is required, not " + day);
		}
		return day;
	}

	LocalDate today() {
		return clock.instant().atZone(zone).toLocalDate();
	}

	/** Stripped text, null when blank; refused when longer than the column. */
	static String text(String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > max) {
			throw new ActRefused("TOO_LONG", "at most " + max + " characters");
		}
		return text;
	}

	/** The reason of an undo or a penalty: required. */
	static String reason(String value, int max) {
		String text = text(value, max);
		if (text == null) {
			throw new ActRefused("REASON_REQUIRED", "a reason is required");
		}
		return text;
	}
}
