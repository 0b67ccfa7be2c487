package org.baosong.editorial;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.baosong.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editorial acts on one submission: claim, release, edit (each save a new
 * {@code submission_version}; the received text stays as version 1), send to review, send back to
 * editing, not adopt, return for revision (the comment is mailed to the unit). Each act locks the
 * submission row, checks its state, writes the change, a {@code submission_event} and an audit line
 * in one transaction, and tells listeners that the submission changed.
 *
 * <p>Who may call which act is the authorization matrix's business (roles); this class checks what
 * the state allows and who holds the claim.
 */
@Service
@Transactional
public class Editing {

	/** Longest comment or reason kept (the column's width). */
	public static final int NOTE_MAX = 1000;

	private final EditorialMapper mapper;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Editing(EditorialMapper mapper, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.mapper = mapper;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Why an act was refused; {@code code} names it for the UI's message bundle and the API. */
	public static final class Refused extends RuntimeException {

		private final String code;

		private final transient Object[] args;

		Refused(String code, String message, Object... args) {
			super(message);
			this.code = code;
			this.args = args;
		}

		public String code() {
			return code;
		}

		public Object[] args() {
			return args.clone();
		}
	}

	public record Version(long submissionId, int versionNo, String type, String title, String text, String editor, String note,
			Instant createdAt) {
	}

	/** Takes a received submission into editing by this user. Claiming one's own claim again changes nothing. */
	public void claim(long id, String user) {
		var current = lock(id);
		if (state(current) == SubmissionState.IN_EDIT && user.equals(current.claimedBy())) {
			return;
		}
		requireState(current, SubmissionState.RECEIVED);
		move(current, SubmissionState.IN_EDIT, user, "CLAIMED", null, user);
	}

	/** Gives a claimed submission back to the queue (by the claimer, or by an administrator). */
	public void release(long id, String user, boolean admin) {
		var current = lock(id);
		requireState(current, SubmissionState.IN_EDIT);
		requireClaimer(current, user, admin);
		move(current, SubmissionState.RECEIVED, null, "RELEASED", null, user);
	}

	/**
	 * Saves an edit as a new version. The first edit first keeps the received text as version 1.
	 *
	 * @return the new version's number
	 */
	public int edit(long id, String user, String type, String title, String text, String note) {
		var current = lock(id);
		requireState(current, SubmissionState.IN_EDIT);
		requireClaimer(current, user, false);
		String cleanTitle = title == null ? "" : title.strip();
		if (cleanTitle.isEmpty() || cleanTitle.length() > 300) {
			throw new Refused("TITLE_INVALID", "title must have 1 to 300 characters");
		}
		String cleanType = type == null || type.isBlank() ? current.type() : type.strip();
		String cleanText = text == null ? "" : text.replace("\r\n", "\n");
		if (cleanType.equals(current.type()) && cleanTitle.equals(current.title()) && cleanText.equals(Objects.toString(current.text(), ""))) {
			throw new Refused("NO_CHANGE", "nothing changed");
		}
		Instant now = clock.instant();
		var versions = mapper.versions(id);
		int next = versions.size() + 1;
		if (versions.isEmpty()) {
			mapper.insertVersion(new Version(id, 1, current.type(), current.title(), current.text(), Filing.ACTOR, "原稿", now));
			next = 2;
		}
		mapper.insertVersion(new Version(id, next, cleanType, cleanTitle, cleanText, user, note(note), now));
		mapper.changeContent(id, cleanType, cleanTitle, cleanText, now);
		mapper.insertEvent(id, now, user, "EDITED", null, null, "版本 " + next + (note(note) == null ? "" : "：" + note(note)));
		audit.record("SUBMISSION_EDITED", "submission", id, current.trackingNo() + " 版本 " + next);
		events.publishEvent(new SubmissionChanged(id));
		return next;
	}

	/** Sends an edited submission to the reviewers; the editor keeps the claim for when it comes back. */
	public void submitForReview(long id, String user, boolean admin) {
		var current = lock(id);
		requireState(current, SubmissionState.IN_EDIT);
		requireClaimer(current, user, admin);
		move(current, SubmissionState.IN_REVIEW, current.claimedBy(), "SUBMITTED_FOR_REVIEW", null, user);
	}

	/** A reviewer sends a submission back to its editor, saying why. */
	public void sendBack(long id, String user, String comment) {
		var current = lock(id);
		requireState(current, SubmissionState.IN_REVIEW);
		move(current, SubmissionState.IN_EDIT, current.claimedBy(), "SENT_BACK", required(comment), user);
	}

	/** Decides not to adopt an open submission, with the reason. */
	public void notAdopt(long id, String user, String reason) {
		var current = lock(id);
		requireOpen(current);
		move(current, SubmissionState.NOT_ADOPTED, null, "NOT_ADOPTED", required(reason), user);
	}

	/**
	 * Returns an open submission to its unit for revision. The comment goes to the unit by mail
	 * (queued in this transaction by the replies module); the unit answers with a 更正 mail that
	 * supersedes this submission.
	 */
	public void returnForRevision(long id, String user, String comment) {
		var current = lock(id);
		requireOpen(current);
		String text = required(comment);
		move(current, SubmissionState.RETURNED, null, "RETURNED", text, user);
		events.publishEvent(new SubmissionReturned(id, current.inboundId(), current.profileId(), current.trackingNo(), current.title(), current.unitName(), text,
				user, current.unitId()));
	}

	/**
	 * Adopts a submission under review, as a journal issue is published (the caller records the act).
	 * A submission already adopted by another issue stays adopted; any other state is refused.
	 */
	void adopt(long id, String user, String detail) {
		var current = lock(id);
		if (state(current) == SubmissionState.ADOPTED) {
			return;
		}
		requireState(current, SubmissionState.IN_REVIEW);
		move(current, SubmissionState.ADOPTED, current.claimedBy(), "ADOPTED", note(detail), user);
	}

	/**
	 * Puts an adopted submission back under review when its last standing adoption was undone (the
	 * caller reverses the act); the claim stays with its editor.
	 */
	void withdrawAdoption(long id, String user, String why) {
		var current = lock(id);
		requireState(current, SubmissionState.ADOPTED);
		move(current, SubmissionState.IN_REVIEW, current.claimedBy(), "ADOPTION_WITHDRAWN", note(why), user);
	}

	@Transactional(readOnly = true)
	public List<Version> versions(long id) {
		return mapper.versions(id);
	}

	private EditorialMapper.Current lock(long id) {
		return mapper.lockForChange(id).orElseThrow(() -> new Refused("NOT_FOUND", "no submission " + id, id));
	}

	private void move(EditorialMapper.Current current, SubmissionState to, String claimedBy, String kind, String note, String user) {
		Instant now = clock.instant();
		int changed = mapper.changeState(current.id(), current.state(), to.name(), claimedBy,
				claimedBy == null ? null : now, note, now);
		if (changed != 1) {
			throw new IllegalStateException("submission " + current.id() + " changed under its lock");
		}
		mapper.insertEvent(current.id(), now, user, kind, current.state(), to.name(), note);
		audit.record("SUBMISSION_" + kind, "submission", current.id(),
				current.trackingNo() + " " + current.state() + " -> " + to + (note == null ? "" : "：" + note));
		events.publishEvent(new SubmissionChanged(current.id()));
	}

	private static SubmissionState state(EditorialMapper.Current current) {
		return SubmissionState.valueOf(current.state());
	}

	private static void requireState(EditorialMapper.Current current, SubmissionState expected) {
		if (state(current) != expected) {
			throw new Refused("WRONG_STATE", current.trackingNo() + " is " + current.state() + ", not " + expected, current.trackingNo(),
					current.state());
		}
	}

	private static void requireOpen(EditorialMapper.Current current) {
		if (!state(current).open()) {
			throw new Refused("WRONG_STATE", current.trackingNo() + " is " + current.state() + " (closed)", current.trackingNo(),
					current.state());
		}
	}

	private static void requireClaimer(EditorialMapper.Current current, String user, boolean admin) {
		if (!admin && !user.equals(current.claimedBy())) {
			throw new Refused("CLAIMED_BY_OTHER", current.trackingNo() + " is claimed by " + current.claimedBy(), current.trackingNo(),
					Objects.toString(current.claimedBy(), "-"));
		}
	}

	private static String required(String text) {
		String value = note(text);
		if (value == null) {
			throw new Refused("COMMENT_REQUIRED", "a comment is required");
		}
		return value;
	}

	private static String note(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		return value.length() > NOTE_MAX ? value.substring(0, NOTE_MAX) : value;
	}
}
