package org.baosong.editorial.docx;

import java.util.List;
import java.util.Optional;

import org.baosong.editorial.JournalIssues;
import org.baosong.editorial.Journals;
import org.baosong.profile.ProfileCatalog;
import org.springframework.stereotype.Service;

/**
 * An issue as a DOCX document, built from the journal's template (ADR 0019): the masthead with the
 * journal, 第N期, the editing office (the profile's) and the issue's date; every item that stands, in
 * the issue's order, with its current (edited) title and text and its unit; the template's 报/送/发
 * lines. A draft prints 草稿 in the page header and in the file name.
 */
@Service
public class IssueExport {

	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private final JournalIssues issues;

	private final Journals journals;

	private final IssueTemplates templates;

	private final ProfileCatalog profiles;

	IssueExport(JournalIssues issues, Journals journals, IssueTemplates templates, ProfileCatalog profiles) {
		this.issues = issues;
		this.journals = journals;
		this.templates = templates;
		this.profiles = profiles;
	}

	/** An exported issue: the file name to offer (穗府信息2026年第1期.docx) and the document. */
	public record Exported(String filename, byte[] content) {
	}

	/** The issue as a document; empty when there is no such issue. */
	public Optional<Exported> export(long issueId) {
		return issues.find(issueId).map(issue -> {
			var journal = journals.find(issue.journalId()).orElseThrow();
			List<IssueTemplate.Item> items = issues.texts(issueId).stream()
				.map(t -> new IssueTemplate.Item(t.title(), IssueTexts.paragraphs(t.title(), t.text()),
						t.unitShortName() == null || t.unitShortName().isBlank() ? t.unitName() : t.unitShortName(), t.unitName(),
						t.placementKind()))
				.toList();
			var content = new IssueTemplate.Content(issue.journalName(), issue.issueYear(), issue.issueNo(), issue.issueDate(),
					profiles.officeOf(issue.profileId()), issue.draft(), items);
			return new Exported(filename(issue), IssueTemplate.fill(templates.forJournal(journal.code()), content));
		});
	}

	static String filename(JournalIssues.Issue issue) {
		String journal = issue.journalName().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}\\s]+", "");
		return journal + issue.issueYear() + "年第" + issue.issueNo() + "期" + (issue.draft() ? "（草稿）" : "") + ".docx";
	}
}
