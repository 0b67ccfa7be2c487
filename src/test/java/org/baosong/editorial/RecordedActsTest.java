package org.baosong.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.Reports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Upstream adoptions, marks and penalties with real submissions (embedded mailbox, MariaDB, demo
 * registry, profile guangzhou-2005): each is recorded with its editorial act (kind, attributes, the
 * day it counts for), its submission_event line and its audit line; the refusals name their reason;
 * an undo reverses the act, marks the row withdrawn and keeps both. (Same context as CommissionsTest.)
 */
@GatewayTest(properties = { "baosong.demo.enabled=true", "baosong.intake.poll-interval=100ms", "baosong.replies.send-interval=200ms",
		"baosong.commissions.close-interval=1h" })
@AutoConfigureMockMvc
class RecordedActsTest {

	static final LocalDate DAY = Reports.TODAY.minusDays(3);

	static final LocalDate EARLIER = Reports.TODAY.minusDays(40);

	@Autowired
	UpstreamAdoptions upstream;

	@Autowired
	Marks marks;

	@Autowired
	Penalties penalties;

	@Autowired
	EditorialActs acts;

	@Autowired
	Editing editing;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EmbeddedMailServer mailServer;

	Reports reports;

	@BeforeEach
	void setUp() {
		reports = new Reports(mailServer, jdbc);
		as("editor1", "ROLE_EDITOR");
	}

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
	}

	private static void as(String user, String role) {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(user, null, role));
	}

	private long unitOf(long submissionId) {
		return jdbc.queryForObject("SELECT unit_id FROM submission WHERE id = ?", Long.class, submissionId);
	}

	private Map<String, Object> act(long id) {
		return jdbc.queryForMap("SELECT kind, effective_on, unit_id, submission_id, ref_type, ref_id, detail, reverses_id, actor, attributes"
				+ " FROM editorial_act WHERE id = ?", id);
	}

	private List<String> events(long submissionId) {
		return jdbc.queryForList("SELECT kind FROM submission_event WHERE submission_id = ? ORDER BY id", String.class, submissionId);
	}

	private List<String> audit(String targetType, long id) {
		return jdbc.queryForList("SELECT action FROM audit_log WHERE target_type = ? AND target_id = ? ORDER BY id", String.class, targetType,
				String.valueOf(id));
	}

	private static void refused(String code, Executable call) {
		assertThatThrownBy(call::execute).isInstanceOfSatisfying(ActRefused.class, r -> assertThat(r.code()).isEqualTo(code));
	}

	private static Map<String, String> attributes(Map<String, Object> act) {
		return ActAttributes.fromJson((String) act.get("attributes")).asMap();
	}

	@Test
	void anUpstreamAdoptionIsAnActOncePerLevelAndItsUndoAReversal() throws Exception {
		long submission = reports.file(Reports.subject("动态", "越秀区推进老旧小区改造惠及三万户"), Reports.body("越秀区推进老旧小区改造，惠及居民三万户。"));
		long unit = unitOf(submission);

		long province = upstream.record(submission,
				new UpstreamAdoptions.NewUpstreamAdoption("province", true, " 广东省政府办公厅《今日要情》 ", DAY, "省领导批示"));
		var entry = upstream.ofSubmission(submission).get(0);
		assertThat(entry.id()).isEqualTo(province);
		assertThat(entry.level()).isEqualTo("province");
		assertThat(entry.withInstruction()).isTrue();
		assertThat(entry.journalName()).isEqualTo("广东省政府办公厅《今日要情》");
		assertThat(entry.createdBy()).isEqualTo("editor1");
		assertThat(entry.standing()).isTrue();
		var act = act(entry.actId());
		assertThat(act).containsEntry("kind", "UPSTREAM_ADOPTION").containsEntry("ref_type", "upstream_adoption")
			.containsEntry("actor", "editor1").containsEntry("detail", "省政府办公厅采用（有领导批示） 广东省政府办公厅《今日要情》");
		assertThat(((Number) act.get("ref_id")).longValue()).isEqualTo(province);
		assertThat(((Number) act.get("unit_id")).longValue()).isEqualTo(unit);
		assertThat(((Number) act.get("submission_id")).longValue()).isEqualTo(submission);
		assertThat(act.get("effective_on").toString()).isEqualTo(DAY.toString());
		assertThat(attributes(act)).isEqualTo(Map.of(ActAttributes.LEVEL, "province", ActAttributes.WITH_INSTRUCTION, "true"));
		assertThat(events(submission)).endsWith("UPSTREAM_ADOPTION");
		assertThat(audit("upstream_adoption", province)).containsExactly("ACT_UPSTREAM_ADOPTION");

		long stateCouncil = upstream.record(submission, new UpstreamAdoptions.NewUpstreamAdoption("state-council", false, null, DAY, null));
		assertThat(attributes(act(upstream.ofSubmission(submission).get(1).actId())))
			.isEqualTo(Map.of(ActAttributes.LEVEL, "state-council", ActAttributes.WITH_INSTRUCTION, "false"));

		refused("DUPLICATE", () -> upstream.record(submission, new UpstreamAdoptions.NewUpstreamAdoption("province", false, null, DAY, null)));
		refused("UNKNOWN_LEVEL", () -> upstream.record(submission, new UpstreamAdoptions.NewUpstreamAdoption("city", false, null, DAY, null)));
		refused("DATE_INVALID", () -> upstream.record(submission,
				new UpstreamAdoptions.NewUpstreamAdoption("province", false, null, Reports.TODAY.plusDays(2), null)));
		refused("DATE_INVALID", () -> upstream.record(submission, new UpstreamAdoptions.NewUpstreamAdoption("province", false, null, null, null)));
		refused("NOT_FOUND", () -> upstream.record(999_999, new UpstreamAdoptions.NewUpstreamAdoption("province", false, null, DAY, null)));
		refused("TOO_LONG", () -> upstream.record(submission,
				new UpstreamAdoptions.NewUpstreamAdoption("province", false, "刊".repeat(201), DAY, null)));

		as("admin1", "ROLE_ADMIN");
		refused("REASON_REQUIRED", () -> upstream.undo(province, " "));
		upstream.undo(province, "误登记，应为市级采用");
		refused("NOT_STANDING", () -> upstream.undo(province, "again"));
		refused("NOT_FOUND", () -> upstream.undo(999_999, "x"));

		var withdrawn = upstream.ofSubmission(submission).get(0);
		assertThat(withdrawn.standing()).isFalse();
		assertThat(withdrawn.withdrawnBy()).isEqualTo("admin1");
		assertThat(withdrawn.withdrawnReason()).isEqualTo("误登记，应为市级采用");
		var about = acts.about("upstream_adoption", province);
		assertThat(about).hasSize(2);
		assertThat(about.get(1).reversesId()).isEqualTo(entry.actId());
		assertThat(about.get(1).effectiveOn()).isEqualTo(DAY);
		assertThat(about.get(1).attributes()).isEqualTo(about.get(0).attributes());
		assertThat(about.get(1).actor()).isEqualTo("admin1");
		assertThat(events(submission)).endsWith("UPSTREAM_ADOPTION", "UPSTREAM_ADOPTION", "UNDO_UPSTREAM_ADOPTION");
		assertThat(audit("upstream_adoption", province)).containsExactly("ACT_UPSTREAM_ADOPTION", "UNDO_UPSTREAM_ADOPTION");
		assertThat(acts.ofUnit(unit, DAY, DAY.plusDays(1))).filteredOn(a -> "UPSTREAM_ADOPTION".equals(a.kind()))
			.extracting(EditorialActs.Act::refId).containsExactly(province, stateCouncil, province);

		// withdrawn, the level is free again: record it as it should have been
		long again = upstream.record(submission, new UpstreamAdoptions.NewUpstreamAdoption("province", false, null, DAY, null));
		assertThat(upstream.ofSubmission(submission)).extracting(UpstreamAdoptions.Entry::id).containsExactly(province, stateCouncil, again);
		assertThat(upstream.ofUnit(unit)).extracting(UpstreamAdoptions.Entry::id).contains(province, stateCouncil, again);
	}

	@Test
	void aMarkIsAnActOncePerCodeAndItsUndoAReversal() throws Exception {
		long submission = reports.file(Reports.subject("动态", "越秀区开展消防安全大检查行动"), Reports.body("越秀区开展消防安全大检查，排查隐患三百余处。"));

		long mark = marks.record(submission, new Marks.NewMark("excellent", DAY, "年中评选"));
		var entry = marks.ofSubmission(submission).get(0);
		var act = act(entry.actId());
		assertThat(act).containsEntry("kind", "MARK").containsEntry("ref_type", "mark").containsEntry("detail", "优秀信息：年中评选");
		assertThat(((Number) act.get("ref_id")).longValue()).isEqualTo(mark);
		assertThat(act.get("effective_on").toString()).isEqualTo(DAY.toString());
		assertThat(attributes(act)).isEqualTo(Map.of(ActAttributes.CODE, "excellent"));
		assertThat(events(submission)).endsWith("MARK");
		assertThat(audit("mark", mark)).containsExactly("ACT_MARK");

		refused("DUPLICATE", () -> marks.record(submission, new Marks.NewMark("excellent", DAY, null)));
		refused("UNKNOWN_CODE", () -> marks.record(submission, new Marks.NewMark("upper-criticism", DAY, null)));
		refused("UNKNOWN_CODE", () -> marks.record(submission, new Marks.NewMark(null, DAY, null)));

		as("admin1", "ROLE_ADMIN");
		marks.undo(mark, "评选结果调整");
		assertThat(marks.ofSubmission(submission).get(0).standing()).isFalse();
		assertThat(acts.about("mark", mark)).extracting(EditorialActs.Act::reversesId).containsExactly(null, entry.actId());
		assertThat(events(submission)).endsWith("MARK", "UNDO_MARK");
		assertThat(audit("mark", mark)).containsExactly("ACT_MARK", "UNDO_MARK");
		long again = marks.record(submission, new Marks.NewMark("excellent", DAY, null));
		assertThat(marks.ofUnit(unitOf(submission))).extracting(Marks.Entry::id).contains(mark, again);
	}

	@Test
	void aPenaltyIsAboutAUnitOrOneOfItsSubmissionsAlwaysWithAReason() throws Exception {
		long submission = reports.file(Reports.subject("动态", "越秀区街道办事处工作动态汇总"), Reports.body("越秀区各街道办事处本周工作动态汇总。"));
		long unit = unitOf(submission);
		long otherUnit = jdbc.queryForObject("SELECT id FROM unit WHERE code = 'D02'", Long.class);

		long aboutUnit = penalties.record(new Penalties.NewPenalty(otherUnit, null, "upper-criticism", EARLIER, "连续两季度未完成报送任务，被省办通报"));
		var entry = penalties.find(aboutUnit).orElseThrow();
		assertThat(entry.profileId()).isEqualTo("guangzhou-2005");
		assertThat(entry.submissionId()).isNull();
		var act = act(entry.actId());
		assertThat(act).containsEntry("kind", "PENALTY").containsEntry("ref_type", "penalty").containsEntry("submission_id", null)
			.containsEntry("detail", "受到国务院办公厅、省政府办公厅批评：连续两季度未完成报送任务，被省办通报");
		assertThat(((Number) act.get("unit_id")).longValue()).isEqualTo(otherUnit);
		assertThat(attributes(act)).isEqualTo(Map.of(ActAttributes.CODE, "upper-criticism"));
		assertThat(audit("penalty", aboutUnit)).containsExactly("ACT_PENALTY");

		// about a submission: its unit, and a line in its history
		long aboutItem = penalties.record(new Penalties.NewPenalty(null, submission, "upper-criticism", Reports.TODAY, "信息失实，受到省办批评"));
		assertThat(penalties.find(aboutItem).orElseThrow().unitId()).isEqualTo(unit);
		assertThat(events(submission)).endsWith("PENALTY");

		refused("REASON_REQUIRED", () -> penalties.record(new Penalties.NewPenalty(unit, null, "upper-criticism", DAY, " ")));
		refused("UNIT_REQUIRED", () -> penalties.record(new Penalties.NewPenalty(null, null, "upper-criticism", DAY, "x")));
		refused("UNIT_MISMATCH", () -> penalties.record(new Penalties.NewPenalty(otherUnit, submission, "upper-criticism", DAY, "x")));
		refused("UNKNOWN_CODE", () -> penalties.record(new Penalties.NewPenalty(unit, null, "excellent", DAY, "x")));
		refused("NOT_FOUND", () -> penalties.record(new Penalties.NewPenalty(999_999L, null, "upper-criticism", DAY, "x")));
		refused("NOT_FOUND", () -> penalties.record(new Penalties.NewPenalty(null, 999_999L, "upper-criticism", DAY, "x")));

		assertThat(penalties.search(new Penalties.Filter(otherUnit, null, null))).extracting(Penalties.Entry::id).containsExactly(aboutUnit);
		assertThat(penalties.search(new Penalties.Filter(unit, Reports.TODAY, Reports.TODAY))).extracting(Penalties.Entry::id)
			.contains(aboutItem).doesNotContain(aboutUnit);
		assertThat(penalties.search(new Penalties.Filter(null, EARLIER, EARLIER))).extracting(Penalties.Entry::id)
			.contains(aboutUnit).doesNotContain(aboutItem);
		assertThat(penalties.search(new Penalties.Filter(null, null, null))).extracting(Penalties.Entry::id)
			.containsSubsequence(aboutItem, aboutUnit);

		as("admin1", "ROLE_ADMIN");
		penalties.undo(aboutItem, "经核实不属实");
		assertThat(penalties.find(aboutItem).orElseThrow().withdrawnReason()).isEqualTo("经核实不属实");
		assertThat(acts.about("penalty", aboutItem)).extracting(EditorialActs.Act::kind, EditorialActs.Act::submissionId)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("PENALTY", submission),
					org.assertj.core.groups.Tuple.tuple("PENALTY", submission));
		assertThat(events(submission)).endsWith("PENALTY", "UNDO_PENALTY");
		assertThat(audit("penalty", aboutItem)).containsExactly("ACT_PENALTY", "UNDO_PENALTY");
		assertThat(penalties.find(aboutUnit).orElseThrow().standing()).isTrue();
	}

	@Test
	void aSubmissionReturnedForRevisionTakesNoUpstreamAdoptionOrMark() throws Exception {
		long submission = reports.file(Reports.subject("动态", "越秀区召开防汛防台风工作会议"), Reports.body("越秀区召开防汛防台风工作会议，部署汛期工作。"));
		editing.returnForRevision(submission, "editor1", "请补充具体数据");
		refused("WRONG_STATE", () -> upstream.record(submission, new UpstreamAdoptions.NewUpstreamAdoption("province", false, null, DAY, null)));
		refused("WRONG_STATE", () -> marks.record(submission, new Marks.NewMark("excellent", DAY, null)));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM editorial_act WHERE submission_id = ?", Long.class, submission)).isZero();
		// a penalty may still be about it
		penalties.record(new Penalties.NewPenalty(null, submission, "upper-criticism", DAY, "报送内容不实"));
		assertThat(events(submission)).endsWith("PENALTY");
	}
}
