package org.baosong.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.baosong.testsupport.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The act stream: an act is recorded with its audit line; an undo is a reversing row, once; nothing is deleted. */
@GatewayTest(properties = "baosong.demo.enabled=true")
class EditorialActsTest {

	@Autowired
	EditorialActs acts;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anUndoReversesAnActOnceAndKeepsBoth() {
		long unit = jdbc.queryForObject("SELECT id FROM unit WHERE code = 'D03'", Long.class);
		LocalDate day = LocalDate.of(2026, 11, 20);
		var facts = ActAttributes.of(java.util.Map.of(ActAttributes.LEVEL, "province", ActAttributes.WITH_INSTRUCTION, "true"));
		long act = tx.execute(s -> acts.record("guangzhou-2005", "UPSTREAM_ADOPTION", day, unit, null, "upstream_adoption", 7L, "省办采用",
				facts));
		long undo = tx.execute(s -> acts.reverse(act, "登记错误"));

		var about = acts.about("upstream_adoption", 7L);
		assertThat(about).extracting(EditorialActs.Act::id).containsExactly(act, undo);
		assertThat(about.get(1).reversesId()).isEqualTo(act);
		assertThat(about.get(1).effectiveOn()).isEqualTo(day);
		assertThat(about.get(1).detail()).isEqualTo("撤销 #" + act + "：登记错误");
		assertThat(about).allSatisfy(a -> assertThat(a.attributes()).isEqualTo(facts));
		assertThat(about.get(0).attributes().get(ActAttributes.LEVEL)).contains("province");
		assertThat(jdbc.queryForObject("SELECT attributes FROM editorial_act WHERE id = ?", String.class, act))
			.isEqualTo("{\"level\":\"province\",\"withInstruction\":\"true\"}");
		assertThat(acts.ofUnit(unit, day, day.plusDays(1))).hasSize(2);
		assertThat(acts.ofUnit(unit, day.plusDays(1), day.plusDays(2))).isEmpty();

		assertThatThrownBy(() -> tx.execute(s -> acts.reverse(act, null))).hasMessageContaining("already reversed");
		assertThatThrownBy(() -> tx.execute(s -> acts.reverse(undo, null))).hasMessageContaining("itself a reversal");
		assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target_type = 'upstream_adoption' ORDER BY id", String.class))
			.containsExactly("ACT_UPSTREAM_ADOPTION", "UNDO_UPSTREAM_ADOPTION");
	}
}
