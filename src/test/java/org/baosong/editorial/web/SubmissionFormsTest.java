package org.baosong.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.baosong.editorial.Editing;
import org.baosong.editorial.SubmissionState;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What the submission page explains and offers. */
class SubmissionFormsTest {

	@Test
	void flagsCarryTheirDetailAndTheSubmissionTheyName() {
		var flags = SubmissionForms.flags("URGENT,NEAR_DUPLICATE", "URGENT\t主题含“突发”\nNEAR_DUPLICATE\t与 GZ-2026-000012 内容相近");
		assertThat(flags).containsExactly(new SubmissionForms.FlagView("URGENT", "主题含“突发”", null),
				new SubmissionForms.FlagView("NEAR_DUPLICATE", "与 GZ-2026-000012 内容相近", "GZ-2026-000012"));
		assertThat(SubmissionForms.flags("SOURCE_NOTE", null)).containsExactly(new SubmissionForms.FlagView("SOURCE_NOTE", null, null));
		assertThat(SubmissionForms.flags(null, null)).isEmpty();
	}

	@Test
	void theButtonsFollowRoleStateAndClaim() {
		var editor = user("wang", "EDITOR");
		var reviewer = user("li", "REVIEWER");
		var viewer = user("zhao", "VIEWER");
		assertThat(SubmissionForms.actions(SubmissionState.RECEIVED, null, editor).claim()).isTrue();
		assertThat(SubmissionForms.actions(SubmissionState.RECEIVED, null, reviewer).claim()).isFalse();
		assertThat(SubmissionForms.actions(SubmissionState.IN_EDIT, "wang", editor).edit()).isTrue();
		assertThat(SubmissionForms.actions(SubmissionState.IN_EDIT, "other", editor).edit()).isFalse();
		assertThat(SubmissionForms.actions(SubmissionState.IN_REVIEW, "wang", reviewer).sendBack()).isTrue();
		assertThat(SubmissionForms.actions(SubmissionState.IN_REVIEW, "wang", editor).sendBack()).isFalse();
		assertThat(SubmissionForms.actions(SubmissionState.RETURNED, null, editor).any()).isFalse();
		assertThat(SubmissionForms.actions(SubmissionState.RECEIVED, null, viewer).any()).isFalse();
	}

	@Test
	void theDiffMarksChangedCharactersAndEscapesTheText() {
		var from = new Editing.Version(1, 1, "动态", "越秀区推进改造", "第一段<b>。\n第二段。", "gateway", null, Instant.EPOCH);
		var to = new Editing.Version(1, 2, "动态", "越秀区加快改造", "第一段<b>。\n第二段。", "wang", null, Instant.EPOCH);
		List<SubmissionForms.DiffLine> diff = SubmissionForms.diff(from, to);
		assertThat(diff.get(0).tag()).isEqualTo("CHANGE");
		assertThat(diff.get(0).oldLine()).contains("<del>推进</del>");
		assertThat(diff.get(0).newLine()).contains("<ins>加快</ins>");
		assertThat(diff.get(1).tag()).isEqualTo("EQUAL");
		assertThat(diff.get(1).oldLine()).contains("&lt;b&gt;").doesNotContain("<b>");
	}

	private static UsernamePasswordAuthenticationToken user(String name, String role) {
		return UsernamePasswordAuthenticationToken.authenticated(name, null, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
	}
}
