package org.baosong.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.baosong.common.ConfigurationError;
import org.baosong.common.TextKeys;
import org.baosong.profile.SubjectGrammar;
import org.baosong.screening.SubjectParser;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;

/** The shipped templates render, in Chinese, with every field and every reason. */
class ReplyTemplatesTest {

	final ReplyTemplates templates = new ReplyTemplates(Path.of("config/templates/mail"));

	@Test
	void theReceiptNamesTheTrackingNumberAndTheParsedFields() {
		var model = new HashMap<String, Object>(Map.of("trackingNo", "GZ-2026-000123", "unit", "越秀区政府", "type", "动态", "title",
				"越秀区推进老旧小区改造惠及3万户", "signer", "王明", "reporter", "李华", "phone", "13800138000", "date", "2026-11-20",
				"queue", "区（县级市）序列 · 动态", "attachments", List.of("文稿：报告.docx")));
		model.putAll(Map.of("receivedAt", "2026年11月20日 09:30", "originalSubject", "【动态】越秀区|…", "office", "广州市人民政府办公厅"));
		String text = templates.render("receipt", model);
		assertThat(text).contains("GZ-2026-000123").contains("越秀区推进老旧小区改造惠及3万户").contains("签发人：王明").contains("文稿：报告.docx")
			.contains("【更正:GZ-2026-000123】").contains("广州市人民政府办公厅");
	}

	@Test
	void theRejectionListsEveryReasonWithItsFixAndTheExample() {
		var model = new HashMap<String, Object>();
		model.put("reasons", List.of(Map.of("code", "PHONE_INVALID", "title", templates.reasonName("PHONE_INVALID"), "detail", "联系电话位数不对"),
				Map.of("code", "NO_REPORT", "title", templates.reasonName("NO_REPORT"), "detail", "正文只有 4 字")));
		model.put("parsed", null);
		model.put("receivedAt", "2026年11月20日 09:30");
		model.put("originalSubject", "报送");
		model.put("office", "广州市人民政府办公厅");
		String text = templates.render("rejection", model);
		assertThat(text).contains("1. 联系电话格式不对").contains("联系电话位数不对").contains("2. 邮件中没有信息内容").contains("正文只有 4 字")
			.contains("【类型】单位|标题|签发人:姓名|报送人:姓名|联系电话|日期");
		assertThat(templates.reasonName("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
	}

	@Test
	void theCommissionReminderRepeatsTheTagTheDeadlineAndTheRequirementsWhenThereAreAny() {
		var model = new HashMap<String, Object>(Map.of("code", "YG2026-07", "topic", "重点项目建设进展", "requirements", "1500字以内",
				"deadline", "2026年11月25日 18:00", "unit", "越秀区", "informant", "李华", "office", "广州市人民政府办公厅"));
		model.putAll(Map.of("issuedOn", "2026年11月20日", "remindedOn", "2026年11月24日"));
		String text = templates.render("commission-reminder", model);
		assertThat(text).startsWith("越秀区（李华同志）：").contains("约稿催报（编号 YG2026-07）").contains("2026年11月20日向你单位约稿“重点项目建设进展”")
			.contains("截止时间为2026年11月25日 18:00").contains("截至2026年11月24日").contains("约稿要求：\n1500字以内")
			.contains("例如：\n  【约稿:YG2026-07】【动态】越秀区|重点项目建设进展有关情况|");
		model.put("requirements", "");
		assertThat(templates.render("commission-reminder", model)).doesNotContain("约稿要求");
	}

	@Test
	void theInstructionNoticeGivesTheDueDateAndTheExactFeedbackTagAndQuotesTheTextOnlyWhenGiven() {
		var model = new HashMap<String, Object>(Map.of("trackingNo", "GZ-2026-000123", "title", "越秀区推进老旧小区改造惠及3万户", "unit", "越秀区政府",
				"issue", "穗府信息 2026年第1期", "placement", "标题信息", "level", "市领导批示", "leader", "张伟", "givenOn", "2026年11月20日",
				"text", "请认真总结推广。", "feedbackDue", "2026年12月20日"));
		model.putAll(Map.of("feedbackTag", "【反馈:GZ-2026-000123】", "originalSubject", "【动态】越秀区|…", "office", "广州市人民政府办公厅"));
		String text = templates.render("instruction", model);
		assertThat(text).contains("《越秀区推进老旧小区改造惠及3万户》（编号 GZ-2026-000123）刊发于穗府信息 2026年第1期（标题信息）")
			.contains("批示级别：市领导批示").contains("批示领导：张伟").contains("批示日期：2026年11月20日").contains("批示内容：\n请认真总结推广。")
			.contains("于2026年12月20日之前").contains("主题必须以“【反馈:GZ-2026-000123】”开头")
			.contains("例如：\n  【反馈:GZ-2026-000123】【动态】越秀区政府|").contains("广州市人民政府办公厅");
		model.put("text", "");
		assertThat(templates.render("instruction", model)).doesNotContain("批示内容").contains("批示日期：2026年11月20日");
	}

	/**
	 * The example subject of every template that tells a unit how to write one must pass our own
	 * parser once the unit fills in what the example leaves as a placeholder (names, phone, date):
	 * a unit that copies it must not be rejected.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "instruction", "commission", "commission-reminder", "returned" })
	void theExampleSubjectOfEveryTemplatePassesTheSubjectParserOnceFilledIn(String template) throws IOException {
		String unit = demoUnitNames().get(0);
		var model = new HashMap<String, Object>(Map.of("trackingNo", "GZ-2026-000123", "title", "越秀区推进老旧小区改造惠及3万户", "unit", unit,
				"issue", "穗府信息 2026年第1期", "placement", "标题信息", "level", "市领导批示", "leader", "张伟", "givenOn", "2026年11月20日",
				"text", "请认真总结推广。", "feedbackDue", "2026年12月20日"));
		model.putAll(Map.of("feedbackTag", "【反馈:GZ-2026-000123】", "originalSubject", "【动态】越秀区|…", "office", "广州市人民政府办公厅",
				"code", "YG2026-07", "topic", "重点项目建设进展", "requirements", "1500字以内", "deadline", "2026年11月25日 18:00",
				"informant", "李华", "issuedOn", "2026年11月20日", "remindedOn", "2026年11月24日"));
		model.putAll(Map.of("comment", "请补充数据来源。", "receivedAt", "2026年11月20日 09:30"));
		String example = exampleSubject(templates.render(template, model));
		LocalDate today = LocalDate.of(2026, 11, 20); // the day the unit writes and sends it
		String filled = Stream.of(example.split("\\|"))
			.map(field -> switch (field) {
				case "签发人:姓名" -> "签发人:王明";
				case "报送人:姓名" -> "报送人:李华";
				case "联系电话" -> "13800138000";
				case "日期" -> today.toString();
				default -> field;
			})
			.collect(Collectors.joining("|"));
		Set<String> known = demoUnitNames().stream().map(TextKeys::nameKey).collect(Collectors.toSet());
		var parse = new SubjectParser(guangzhouGrammar(), known::contains).parse(filled, today);
		assertThat(parse.problems()).as(filled).isEmpty();
		assertThat(parse.line().unitText()).isEqualTo(unit);
		assertThat(parse.line().signer()).isEqualTo("王明");
		assertThat(parse.line().date()).isEqualTo(today);
	}

	/** The line after 例如： */
	private static String exampleSubject(String text) {
		var lines = text.lines().toList();
		int at = lines.indexOf("例如：");
		assertThat(at).as("the template shows an example subject").isNotNegative();
		return lines.get(at + 1).strip();
	}

	private static SubjectGrammar guangzhouGrammar() throws IOException {
		var sources = new YamlPropertySourceLoader().load("guangzhou-2005",
				new FileSystemResource(Path.of("config/profiles/guangzhou-2005.yml")));
		return new Binder(ConfigurationPropertySources.from(sources)).bind("profile.subject", SubjectGrammar.class).get();
	}

	/** Full names, short names and aliases of the demo registry, first unit first. */
	private static List<String> demoUnitNames() throws IOException {
		return Files.readAllLines(Path.of("config/demo/units.csv"))
			.stream()
			.skip(1)
			.map(line -> line.split(",", -1))
			.flatMap(cols -> Stream.concat(Stream.of(cols[1], cols[2]), Stream.of(cols[3].split("、"))))
			.filter(name -> !name.isBlank())
			.toList();
	}

	@Test
	void aMissingTemplateStopsStartUpNamingTheKey(@TempDir Path empty) {
		assertThatThrownBy(() -> new ReplyTemplates(empty)).isInstanceOf(ConfigurationError.class)
			.hasMessageStartingWith("baosong.replies.templates");
	}
}
