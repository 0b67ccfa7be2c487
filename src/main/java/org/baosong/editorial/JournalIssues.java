package org.baosong.editorial;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.baosong.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The issues of a journal (第N期) and their composition: while an issue is a DRAFT, editors add
 * submissions under review (or already adopted by another journal) with a placement kind of the
 * journal and an optional role, order and remove them; publishing adopts every item in one
 * transaction (state change through {@link Editing}, one ADOPTED act per item, the adoption mails
 * queued by the replies module on {@link AdoptionPublished}). An administrator may undo one published
 * adoption: the act is reversed and, when no other adoption stands, the submission goes back under review.
 */
@Service
@Transactional
public class JournalIssues {

	/** The roles of a unit in a joint research report. */
	public static final List<String> ROLES = List.of("HOST", "PARTICIPANT");

	/** The longest reason of an undo (the form's limit; it goes into the act's and the event's detail). */
	static final int MAX_WHY = 200;

	private static final Set<SubmissionState> ADDABLE = Set.of(SubmissionState.IN_REVIEW, SubmissionState.ADOPTED);

	private final JournalMapper mapper;

	private final Editing editing;

	private final EditorialActs acts;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	JournalIssues(JournalMapper mapper, Editing editing, EditorialActs acts, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.mapper = mapper;
		this.editing = editing;
		this.acts = acts;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	public record Issue(long id, long journalId, String journalName, String profileId, String placementKinds, int issueYear, int issueNo,
			LocalDate issueDate, String state, Instant createdAt, String createdBy, Instant publishedAt, String publishedBy) {

		public boolean draft() {
			return "DRAFT".equals(state);
		}

		/** e.g. 穗府信息 2026年第3期 */
		public String label() {
			return journalName + " " + issueYear + "年第" + issueNo + "期";
		}

		public List<String> kinds() {
			return Journals.splitKinds(placementKinds);
		}
	}

	/** One adoption in an issue, with what the page shows of its submission. */
	public record Item(long id, long issueId, long submissionId, String trackingNo, String title, String unitName, long unitId,
			long inboundId, String submissionState, String placementKind, String role, int sortOrder, Long actId, Instant withdrawnAt,
			String withdrawnBy) {

		public boolean standing() {
			return actId != null && withdrawnAt == null;
		}
	}

	/** A generated key holder. */
	static final class Key {
		Long id;

		public Long getId() { return id; }
		public void setId(Long id) { this.id = id; }
	}

	@Transactional(readOnly = true)
	public List<Issue> issuesOf(long journalId) {
		return mapper.issuesOf(journalId);
	}

	@Transactional(readOnly = true)
	public Optional<Issue> find(long id) {
		return mapper.issue(id);
	}

	@Transactional(readOnly = true)
	public List<Item> items(long issueId) {
		return mapper.items(issueId);
	}

	/**
	 * What an issue prints of one item: the submission's current title and text (the latest edited
	 * version; the received text until someone edits it) and its unit.
	 */
	public record ItemText(long adoptionId, String trackingNo, String title, String text, String unitName, String unitShortName,
			String placementKind, String role) {
	}

	/** The items of an issue as it prints them: withdrawn adoptions left out, in the issue's order. */
	@Transactional(readOnly = true)
	public List<ItemText> texts(long issueId) {
		return mapper.itemTexts(issueId);
	}

	/** The number the next issue of this journal in this year would take. */
	@Transactional(readOnly = true)
	public int proposedNumber(long journalId, int year) {
		return mapper.nextNumber(journalId, year);
	}

	/** Opens a new draft issue; returns its id. */
	public long create(long journalId, int year, int number, LocalDate date, String user) {
		var journal = mapper.journal(journalId).orElseThrow(() -> new Journals.Invalid("NOT_FOUND", "no journal " + journalId));
		if (year < 2000 || year > 2999 || number < 1 || number > 9999 || date == null) {
			throw new Journals.Invalid("ISSUE_INVALID", "year, number and date are required");
		}
		if (mapper.numberTaken(journalId, year, number) > 0) {
			throw new Journals.Invalid("NUMBER_TAKEN", journal.name() + " " + year + "年第" + number + "期 exists");
		}
		var key = new Key();
		mapper.insertIssue(key, journalId, year, number, date, clock.instant(), user);
		audit.record("ISSUE_CREATED", "journal_issue", key.id, journal.name() + " " + year + "年第" + number + "期");
		return key.id;
	}

	/** Adds a submission (by tracking number) to a draft issue; returns the adoption's id. */
	public long add(long issueId, String trackingNo, String placementKind, String role) {
		var issue = lockDraft(issueId);
		var candidate = mapper.candidate(trackingNo == null ? "" : trackingNo.strip())
			.orElseThrow(() -> new Journals.Invalid("NO_SUCH_SUBMISSION", "no submission " + trackingNo));
		if (!ADDABLE.contains(SubmissionState.valueOf(candidate.state()))) {
			throw new Journals.Invalid("NOT_ADOPTABLE", trackingNo + " is " + candidate.state());
		}
		if (!candidate.profileId().equals(issue.profileId())) {
			throw new Journals.Invalid("OTHER_PROFILE", trackingNo + " belongs to " + candidate.profileId());
		}
		if (placementKind == null || !issue.kinds().contains(placementKind)) {
			throw new Journals.Invalid("KIND_INVALID", "placement kind " + placementKind + " is not one of " + issue.kinds());
		}
		String cleanRole = role == null || role.isBlank() ? null : role;
		if (cleanRole != null && !ROLES.contains(cleanRole)) {
			throw new Journals.Invalid("ROLE_INVALID", "role " + role);
		}
		if (mapper.inIssue(issueId, candidate.id()) > 0) {
			throw new Journals.Invalid("ALREADY_IN_ISSUE", trackingNo + " is in this issue");
		}
		var key = new Key();
		mapper.insertAdoption(key, issueId, candidate.id(), placementKind, cleanRole, mapper.nextSortOrder(issueId));
		audit.record("ISSUE_ITEM_ADDED", "journal_issue", issueId, trackingNo.strip() + " " + placementKind);
		return key.id;
	}

	/** Moves an item of a draft issue one place up or down (nothing happens at either end). */
	public void move(long issueId, long adoptionId, boolean up) {
		lockDraft(issueId);
		var items = new ArrayList<>(mapper.items(issueId));
		int at = indexOf(items, adoptionId);
		int to = up ? at - 1 : at + 1;
		if (to < 0 || to >= items.size()) {
			return;
		}
		items.add(to, items.remove(at));
		for (int i = 0; i < items.size(); i++) {
			mapper.sortAdoption(items.get(i).id(), i + 1);
		}
		audit.record("ISSUE_ITEM_MOVED", "journal_issue", issueId, items.get(to).trackingNo() + (up ? " ↑" : " ↓"));
	}

	/** Removes an item from a draft issue. */
	public void remove(long issueId, long adoptionId) {
		lockDraft(issueId);
		var items = mapper.items(issueId);
		var item = items.get(indexOf(items, adoptionId));
		mapper.deleteAdoption(adoptionId);
		audit.record("ISSUE_ITEM_REMOVED", "journal_issue", issueId, item.trackingNo());
	}

	/**
	 * Publishes a draft issue: every item's submission becomes ADOPTED, one ADOPTED act per item is
	 * recorded (effective on the issue's date), and the adoption mails are queued, all in this transaction.
	 */
	public void publish(long issueId, String user) {
		var issue = lockDraft(issueId);
		var items = mapper.items(issueId);
		if (items.isEmpty()) {
			throw new Journals.Invalid("ISSUE_EMPTY", issue.label() + " has no items");
		}
		var journal = mapper.journal(issue.journalId()).orElseThrow();
		var published = new ArrayList<AdoptionPublished.Item>();
		for (Item item : items) {
			String detail = issue.label() + " " + item.placementKind() + (item.role() == null ? "" : " " + item.role());
			editing.adopt(item.submissionId(), user, detail);
			var facts = new java.util.HashMap<String, String>();
			facts.put(ActAttributes.JOURNAL, journal.code());
			facts.put(ActAttributes.JOURNAL_LEVEL, journal.level());
			facts.put(ActAttributes.PLACEMENT, item.placementKind());
			facts.put(ActAttributes.ROLE, item.role());
			long act = acts.record(issue.profileId(), "ADOPTED", issue.issueDate(), item.unitId(), item.submissionId(), "adoption", item.id(),
					detail, ActAttributes.of(facts));
			mapper.adoptionAct(item.id(), act);
			published.add(new AdoptionPublished.Item(item.id(), item.submissionId(), item.inboundId(), item.trackingNo(), item.title(),
					item.unitId(), item.unitName(), item.placementKind(), item.role()));
		}
		if (mapper.publishIssue(issueId, clock.instant(), user) != 1) {
			throw new IllegalStateException("issue " + issueId + " changed under its lock");
		}
		audit.record("ISSUE_PUBLISHED", "journal_issue", issueId, issue.label() + "，" + items.size() + " 条");
		events.publishEvent(new AdoptionPublished(issueId, issue.profileId(), issue.label(), issue.issueDate(), published));
	}

	/**
	 * Undoes one published adoption: its act is reversed, the adoption is marked withdrawn (kept), and
	 * the submission goes back under review unless another adoption of it still stands. Refused: NOT_FOUND,
	 * NOT_STANDING, TOO_LONG (a reason over {@value #MAX_WHY} characters). The submission's
	 * row is locked first: two undos of its adoptions in two issues run one after the other, and the
	 * second sees that the first's adoption no longer stands.
	 */
	public void undo(long adoptionId, String user, String why) {
		if (why != null && why.strip().length() > MAX_WHY) {
			throw new Journals.Invalid("TOO_LONG", "the reason is longer than " + MAX_WHY + " characters");
		}
		var item = mapper.item(adoptionId).orElseThrow(() -> new Journals.Invalid("NOT_FOUND", "no adoption " + adoptionId));
		mapper.lockSubmission(item.submissionId());
		mapper.lockIssue(item.issueId());
		if (!item.standing() || mapper.withdrawAdoption(adoptionId, clock.instant(), user) != 1) {
			throw new Journals.Invalid("NOT_STANDING", "adoption " + adoptionId + " is not published or already undone");
		}
		acts.reverse(item.actId(), why);
		if (mapper.standingAdoptions(item.submissionId()).isEmpty()) {
			editing.withdrawAdoption(item.submissionId(), user, "撤销采用" + (why == null || why.isBlank() ? "" : "：" + why.strip()));
		}
	}

	private Issue lockDraft(long issueId) {
		var issue = mapper.lockIssue(issueId).orElseThrow(() -> new Journals.Invalid("NOT_FOUND", "no issue " + issueId));
		if (!issue.draft()) {
			throw new Journals.Invalid("ISSUE_PUBLISHED", issue.label() + " is published");
		}
		return issue;
	}

	private static int indexOf(List<Item> items, long adoptionId) {
		for (int i = 0; i < items.size(); i++) {
			if (items.get(i).id() == adoptionId) {
				return i;
			}
		}
		throw new Journals.Invalid("NOT_FOUND", "no item " + adoptionId + " in this issue");
	}
}
