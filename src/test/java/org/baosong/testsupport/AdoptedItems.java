package org.baosong.testsupport;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.baosong.editorial.Editing;
import org.baosong.editorial.JournalIssues;
import org.baosong.editorial.Journals;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Adopted items for tests of what follows adoption (instructions ...): a report filed from 越秀区 (see
 * {@link Reports}), put under review and published as 标题信息 (role HOST) in an issue of a journal of
 * this helper's own (one per helper, a fresh code each time, so tests sharing a database do not meet).
 */
public final class AdoptedItems {

	private static final AtomicInteger JOURNALS = new AtomicInteger();

	private final Journals journals;

	private final JournalIssues issues;

	private final Editing editing;

	private final JdbcTemplate jdbc;

	private Long journalId;

	private String journalCode;

	public AdoptedItems(Journals journals, JournalIssues issues, Editing editing, JdbcTemplate jdbc) {
		this.journals = journals;
		this.issues = issues;
		this.editing = editing;
		this.jdbc = jdbc;
	}

	/** An adopted report: its submission, tracking number, the adoption, and the journal's code. */
	public record Item(long submissionId, String trackingNo, long adoptionId, long issueId, String journalCode) {
	}

	/** Files a report with this title, adopts it in a new issue dated issueDate and returns it. */
	public Item item(Reports reports, String title, LocalDate issueDate) throws Exception {
		long id = reports.file(Reports.subject("动态", title), Reports.body(title + "，各项工作扎实推进，成效明显。"));
		editing.claim(id, "editor1");
		editing.submitForReview(id, "editor1", false);
		long journal = journal();
		long issue = issues.create(journal, issueDate.getYear(), issues.proposedNumber(journal, issueDate.getYear()), issueDate, "editor1");
		String trackingNo = jdbc.queryForObject("SELECT tracking_no FROM submission WHERE id = ?", String.class, id);
		long adoption = issues.add(issue, trackingNo, "标题信息", "HOST");
		issues.publish(issue, "editor1");
		return new Item(id, trackingNo, adoption, issue, journalCode);
	}

	/** An administrator's undo of an adoption. */
	public void undo(long adoptionId) {
		issues.undo(adoptionId, "admin", "测试撤销");
	}

	private synchronized long journal() {
		if (journalId == null) {
			journalCode = "T" + ProcessHandle.current().pid() + "-" + JOURNALS.incrementAndGet();
			journalId = journals.create(new Journals.Form("guangzhou-2005", journalCode, "测试信息", "市级", "标题信息,短波信息", true, 9));
		}
		return journalId;
	}
}
