package org.baosong.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.registry.Registry;
import org.baosong.registry.Unit;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.Reports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Commissions (约稿) through the real application (embedded mailbox, MariaDB, demo registry): an editor
 * creates one and every informant of the target units gets a notice (delivered); a tagged reply
 * before the deadline answers its unit's target, one after it is late; at the deadline the job closes
 * the commission and the silent unit is missing; an administrator may close one early. Each outcome
 * is its editorial act.
 */
@GatewayTest(properties = { "baosong.demo.enabled=true", "baosong.intake.poll-interval=100ms", "baosong.replies.send-interval=200ms",
		"baosong.commissions.close-interval=1h" })
@AutoConfigureMockMvc
class CommissionsTest {

	static final RequestPostProcessor EDITOR = user("editor1").roles("EDITOR");

	static final RequestPostProcessor ADMIN = user("admin1").roles("ADMIN");

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EmbeddedMailServer mailServer;

	@Autowired
	Registry registry;

	@Autowired
	EditorialActs acts;

	@Autowired
	CommissionDeadlines deadlines;

	@Autowired
	CommissionReminders reminders;

	Reports reports;

	Unit yuexiu;

	Unit other;

	@BeforeEach
	void setUp() {
		reports = new Reports(mailServer, jdbc);
		yuexiu = registry.unitByNameOrAlias("越秀区").orElseThrow();
		Set<Long> withInformants = registry.informants().stream().filter(i -> i.active()).map(i -> i.unitId()).collect(Collectors.toSet());
		other = registry.units().stream().filter(u -> u.active() && u.id() != yuexiu.id() && withInformants.contains(u.id()))
			.findFirst().orElseThrow();
	}

	private long create(String code, Unit... units) throws Exception {
		var request = post("/commissions").with(EDITOR).with(csrf()).param("code", code).param("topic", "重点项目建设进展")
			.param("requirements", "写明进度、问题和下一步打算，1500字以内。")
			.param("deadline", LocalDateTime.now(ZONE).plusDays(2).truncatedTo(ChronoUnit.MINUTES).toString());
		for (Unit unit : units) {
			request.param("unit", String.valueOf(unit.id()));
		}
		mvc.perform(request).andExpect(status().is3xxRedirection());
		return jdbc.queryForObject("SELECT id FROM commission WHERE code = ?", Long.class, code);
	}

	private String target(long commissionId, Unit unit) {
		return jdbc.queryForObject("SELECT state FROM commission_target WHERE commission_id = ? AND unit_id = ?", String.class, commissionId,
				unit.id());
	}

	private void deadlinePassed(long commissionId) {
		jdbc.update("UPDATE commission SET deadline = ? WHERE id = ?", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3600)),
				commissionId);
	}

	/** Moves a commission in time: created then, due then (times are stored as UTC, ADR 0006). */
	private void times(long commissionId, java.time.Instant createdAt, java.time.Instant deadline) {
		jdbc.update("UPDATE commission SET created_at = ?, deadline = ? WHERE id = ?", LocalDateTime.ofInstant(createdAt, ZoneOffset.UTC),
				LocalDateTime.ofInstant(deadline, ZoneOffset.UTC), commissionId);
	}

	private List<String> reminded(long commissionId) {
		return jdbc.queryForList("SELECT LOWER(to_addr) FROM outbound_mail WHERE kind = 'COMMISSION_REMINDER' AND dedup_key LIKE ?",
				String.class, "commission-reminder:" + commissionId + ":%");
	}

	private java.time.Instant remindedAt(long commissionId, Unit unit) {
		var at = jdbc.queryForObject("SELECT reminded_at FROM commission_target WHERE commission_id = ? AND unit_id = ?", LocalDateTime.class,
				commissionId, unit.id());
		return at == null ? null : at.toInstant(ZoneOffset.UTC);
	}

	private Set<String> addressesOf(Unit unit) {
		return registry.informants().stream().filter(i -> i.active() && i.unitId() == unit.id()).flatMap(i -> i.addresses().stream())
			.map(a -> a.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
	}

	private static String tagged(String code, String title) {
		return "【约稿:" + code + "】" + Reports.subject("动态", title);
	}

	@Test
	void noticesGoToEveryInformantOfTheTargetsWithTheSubjectTag() throws Exception {
		long id = create("YG2026-01", yuexiu, other);
		assertThat(jdbc.queryForObject("SELECT state FROM commission WHERE id = ?", String.class, id)).isEqualTo("OPEN");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM commission_target WHERE commission_id = ? AND state = 'PENDING'", Long.class, id))
			.isEqualTo(2);

		Set<String> expected = registry.informants().stream()
			.filter(i -> i.active() && (i.unitId() == yuexiu.id() || i.unitId() == other.id()))
			.flatMap(i -> i.addresses().stream()).map(a -> a.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
		assertThat(expected).isNotEmpty();
		List<String> sentTo = jdbc.queryForList("SELECT LOWER(to_addr) FROM outbound_mail WHERE kind = 'COMMISSION' AND dedup_key LIKE ?",
				String.class, "commission:" + id + ":%");
		assertThat(sentTo).containsExactlyInAnyOrderElementsOf(expected);

		var body = jdbc.queryForMap("SELECT subject, body_text FROM outbound_mail WHERE kind = 'COMMISSION' AND dedup_key = ?",
				"commission:" + id + ":" + Reports.YUEXIU.toLowerCase(Locale.ROOT));
		assertThat((String) body.get("subject")).contains("YG2026-01").contains("重点项目建设进展");
		assertThat((String) body.get("body_text")).contains("越秀区").contains("【约稿:YG2026-01】【动态】")
			.contains("写明进度、问题和下一步打算").contains("约稿通知");

		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
				"SELECT COUNT(*) FROM outbound_mail WHERE kind = 'COMMISSION' AND status = 'SENT' AND dedup_key LIKE ?", Long.class,
				"commission:" + id + ":%") == expected.size());

		String page = mvc.perform(get("/commissions").with(user("viewer1").roles("VIEWER"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("YG2026-01").contains("重点项目建设进展");
	}

	@Test
	void aRefusedCommissionStoresAndMailsNothing() throws Exception {
		mvc.perform(post("/commissions").with(EDITOR).with(csrf()).param("code", "YG 2026").param("topic", "x")
			.param("deadline", LocalDateTime.now(ZONE).plusDays(1).truncatedTo(ChronoUnit.MINUTES).toString())
			.param("unit", String.valueOf(yuexiu.id()))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/commissions").with(EDITOR).with(csrf()).param("code", "YG2026-09").param("topic", "x")
			.param("deadline", LocalDateTime.now(ZONE).minusDays(1).truncatedTo(ChronoUnit.MINUTES).toString())
			.param("unit", String.valueOf(yuexiu.id()))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM commission WHERE code IN ('YG 2026', 'YG2026-09')", Long.class)).isZero();
	}

	@Test
	void onTimeLateAndMissingAreRecordedWithTheirActs() throws Exception {
		long onTime = create("YG2026-02", yuexiu, other);
		long late = create("YG2026-03", yuexiu);

		long answer = reports.file(tagged("yg2026-02", "重点项目按期推进"), Reports.body("越秀区重点项目建设按期推进，一季度完成投资二十亿元。"));
		assertThat(target(onTime, yuexiu)).isEqualTo("ANSWERED");
		assertThat(jdbc.queryForObject("SELECT submission_id FROM commission_target WHERE commission_id = ? AND unit_id = ?", Long.class,
				onTime, yuexiu.id())).isEqualTo(answer);
		assertThat(acts.about("commission", onTime)).singleElement().satisfies(act -> {
			assertThat(act.kind()).isEqualTo("COMMISSION_ANSWERED");
			assertThat(act.unitId()).isEqualTo(yuexiu.id());
			assertThat(act.submissionId()).isEqualTo(answer);
		});

		deadlinePassed(late);
		long lateAnswer = reports.file(tagged("YG2026-03", "重点项目补报情况"), Reports.body("越秀区补报重点项目建设情况，二季度开工项目十二个。"));
		assertThat(target(late, yuexiu)).isEqualTo("LATE");
		assertThat(acts.about("commission", late)).singleElement().satisfies(act -> {
			assertThat(act.kind()).isEqualTo("COMMISSION_LATE");
			assertThat(act.submissionId()).isEqualTo(lateAnswer);
		});

		deadlinePassed(onTime);
		deadlines.closeDue();
		assertThat(jdbc.queryForObject("SELECT state FROM commission WHERE id = ?", String.class, onTime)).isEqualTo("CLOSED");
		assertThat(target(onTime, other)).isEqualTo("MISSING");
		assertThat(target(onTime, yuexiu)).isEqualTo("ANSWERED");
		assertThat(acts.about("commission", onTime)).extracting(EditorialActs.Act::kind, EditorialActs.Act::unitId)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("COMMISSION_ANSWERED", yuexiu.id()),
					org.assertj.core.groups.Tuple.tuple("COMMISSION_MISSING", other.id()));
		assertThat(acts.about("commission", late)).hasSize(1); // closed too, but nobody was missing

		String page = mvc.perform(get("/commissions/" + onTime).with(user("viewer1").roles("VIEWER"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("未报送").contains("按时报送").contains(other.name());
	}

	@Test
	void aWholeSequenceIsAskedUnitByUnit() throws Exception {
		mvc.perform(get("/commissions/new").with(EDITOR)).andExpect(status().isOk());
		mvc.perform(post("/commissions").with(EDITOR).with(csrf()).param("code", "YG2026-05").param("topic", "安全生产检查")
			.param("deadline", LocalDateTime.now(ZONE).plusDays(1).truncatedTo(ChronoUnit.MINUTES).toString())
			.param("sequence", yuexiu.sequenceCode()).param("unit", String.valueOf(yuexiu.id()))).andExpect(status().is3xxRedirection());
		long id = jdbc.queryForObject("SELECT id FROM commission WHERE code = 'YG2026-05'", Long.class);
		List<Long> expected = registry.units().stream().filter(u -> u.active() && u.sequenceCode().equals(yuexiu.sequenceCode()))
			.map(Unit::id).toList();
		assertThat(expected).hasSizeGreaterThan(1);
		assertThat(jdbc.queryForList("SELECT unit_id FROM commission_target WHERE commission_id = ?", Long.class, id))
			.containsExactlyInAnyOrderElementsOf(expected);
		mvc.perform(get("/commissions/" + id).with(user("viewer1").roles("VIEWER"))).andExpect(status().isOk());
	}

	@Test
	void onlyAnAdministratorClosesACommissionEarly() throws Exception {
		long id = create("YG2026-04", other);
		mvc.perform(post("/commissions/" + id + "/close").with(EDITOR).with(csrf())).andExpect(status().isForbidden());
		assertThat(target(id, other)).isEqualTo("PENDING");
		mvc.perform(post("/commissions/" + id + "/close").with(ADMIN).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT closed_by FROM commission WHERE id = ?", String.class, id)).isEqualTo("admin1");
		assertThat(target(id, other)).isEqualTo("MISSING");
		assertThat(acts.about("commission", id)).extracting(EditorialActs.Act::kind).containsExactly("COMMISSION_MISSING");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'commission.close' AND target_id = ?", Long.class,
				String.valueOf(id))).isEqualTo(1);
	}

	@Test
	void aPendingTargetIsRemindedOnceBeforeTheDeadlineAndAnAnsweredOneNot() throws Exception {
		assertThat(reminders.before()).isEqualTo(Duration.ofDays(1));
		long id = create("YG2026-06", yuexiu, other);
		reports.file(tagged("YG2026-06", "老旧小区改造进展情况"), Reports.body("越秀区老旧小区改造完成年度任务的八成，惠及居民两万户。"));
		assertThat(target(id, yuexiu)).isEqualTo("ANSWERED");

		// not yet: the deadline is two days away
		deadlines.remindDue();
		assertThat(reminded(id)).isEmpty();

		// issued three days ago, due in three hours: the reminder time has come
		var now = java.time.Instant.now();
		times(id, now.minus(Duration.ofDays(3)), now.plus(Duration.ofHours(3)));
		deadlines.remindDue();
		Set<String> expected = addressesOf(other);
		assertThat(expected).isNotEmpty().doesNotContain(Reports.YUEXIU);
		assertThat(reminded(id)).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(remindedAt(id, other)).isNotNull();
		assertThat(remindedAt(id, yuexiu)).isNull();
		var mail = jdbc.queryForMap("SELECT subject, body_text FROM outbound_mail WHERE dedup_key = ?",
				"commission-reminder:" + id + ":" + expected.iterator().next());
		assertThat((String) mail.get("subject")).startsWith("【约稿催报】YG2026-06 重点项目建设进展");
		assertThat((String) mail.get("body_text")).contains(other.name()).contains("约稿催报（编号 YG2026-06）").contains("尚未收到你单位的报送稿件")
			.contains("【约稿:YG2026-06】【动态】").contains("写明进度、问题和下一步打算");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'commission.remind' AND target_id = ?", Long.class,
				String.valueOf(id))).isEqualTo(1);

		// the job runs again: nothing more
		deadlines.remindDue();
		assertThat(reminded(id)).hasSameSizeAs(expected);
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
				"SELECT COUNT(*) FROM outbound_mail WHERE kind = 'COMMISSION_REMINDER' AND status = 'SENT' AND dedup_key LIKE ?", Long.class,
				"commission-reminder:" + id + ":%") == expected.size());

		String page = mvc.perform(get("/commissions/" + id).with(user("viewer1").roles("VIEWER"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("催报时间")
			.contains(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(remindedAt(id, other).atZone(ZONE)));
	}

	@Test
	void noReminderAfterTheDeadlineNorForACommissionIssuedInsideTheReminderTime() throws Exception {
		var now = java.time.Instant.now();
		long overdue = create("YG2026-10", other);
		times(overdue, now.minus(Duration.ofDays(5)), now.minus(Duration.ofHours(1)));
		long fresh = create("YG2026-11", other);
		times(fresh, now.minus(Duration.ofHours(2)), now.plus(Duration.ofHours(20)));

		deadlines.remindDue();

		assertThat(reminded(overdue)).isEmpty();
		assertThat(remindedAt(overdue, other)).isNull();
		assertThat(reminded(fresh)).isEmpty();
		assertThat(remindedAt(fresh, other)).isNull();
		deadlines.closeDue();
		assertThat(target(overdue, other)).isEqualTo("MISSING");
		deadlines.remindDue();
		assertThat(reminded(overdue)).isEmpty();
	}
}
