package org.baosong.editorial.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;

import org.baosong.common.Role;
import org.baosong.editorial.Editing;
import org.baosong.editorial.SubmissionState;
import org.springframework.security.core.Authentication;

/** What the submission page shows and offers, computed from the submission, its versions and the user. */
public final class SubmissionForms {

	private static final Pattern TRACKING_NO = Pattern.compile("[A-Z]{1,8}-\\d{4}-\\d{6}");

	private SubmissionForms() {
	}

	/** A flag with what it means here; {@code trackingNo} is the submission it refers to, if it names one. */
	public record FlagView(String code, String detail, String trackingNo) {
	}

	static List<FlagView> flags(String codes, String notes) {
		var result = new ArrayList<FlagView>();
		if (codes == null || codes.isBlank()) {
			return result;
		}
		for (String code : codes.split(",")) {
			String detail = null;
			if (notes != null) {
				for (String line : notes.split("\n")) {
					int tab = line.indexOf('\t');
					if (tab > 0 && line.substring(0, tab).equals(code)) {
						detail = line.substring(tab + 1);
						break;
					}
				}
			}
			var m = detail == null ? null : TRACKING_NO.matcher(detail);
			result.add(new FlagView(code, detail, m != null && m.find() ? m.group() : null));
		}
		return result;
	}

	/** The acts this user may perform on a submission in this state (the buttons shown). */
	public record Actions(boolean claim, boolean release, boolean edit, boolean submit, boolean sendBack, boolean notAdopt,
			boolean returnForRevision) {

		public boolean any() {
			return claim || release || edit || submit || sendBack || notAdopt || returnForRevision;
		}
	}

	static Actions actions(SubmissionState state, String claimedBy, Authentication user) {
		boolean admin = has(user, Role.ADMIN);
		boolean editor = admin || has(user, Role.EDITOR);
		boolean reviewer = admin || has(user, Role.REVIEWER);
		boolean claimer = user != null && user.getName().equals(claimedBy);
		boolean inEdit = state == SubmissionState.IN_EDIT;
		return new Actions(editor && state == SubmissionState.RECEIVED, editor && inEdit && (claimer || admin), editor && inEdit && claimer,
				editor && inEdit && (claimer || admin), reviewer && state == SubmissionState.IN_REVIEW, (editor || reviewer) && state.open(),
				(editor || reviewer) && state.open());
	}

	static boolean has(Authentication user, Role role) {
		return user != null && user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role.name()));
	}

	/** One line of a side-by-side diff; old and new are HTML-escaped text with {@code <del>}/{@code <ins>} marks. */
	public record DiffLine(String tag, String oldLine, String newLine) {
	}

	/** The differences between two versions: title first, then the text line by line, changed characters marked. */
	static List<DiffLine> diff(Editing.Version from, Editing.Version to) {
		DiffRowGenerator generator = DiffRowGenerator.create()
			.showInlineDiffs(true)
			.inlineDiffByWord(false) // Chinese has no spaces between words: mark changed characters
			.mergeOriginalRevised(false)
			.ignoreWhiteSpaces(false)
			.oldTag(open -> open ? "<del>" : "</del>")
			.newTag(open -> open ? "<ins>" : "</ins>")
			.build();
		var lines = new ArrayList<DiffLine>();
		var oldLines = new ArrayList<String>();
		var newLines = new ArrayList<String>();
		oldLines.add("【" + from.type() + "】" + from.title());
		newLines.add("【" + to.type() + "】" + to.title());
		oldLines.addAll(lines(from.text()));
		newLines.addAll(lines(to.text()));
		for (DiffRow row : generator.generateDiffRows(oldLines, newLines)) {
			lines.add(new DiffLine(row.getTag().name(), row.getOldLine(), row.getNewLine()));
		}
		return lines;
	}

	private static List<String> lines(String text) {
		return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
	}
}
