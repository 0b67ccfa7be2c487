package org.baosong.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.baosong.common.ConfigurationError;

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
			.contains("【约稿:YG2026-07】【动态】重点项目建设进展有关情况_越秀区_");
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
			.contains("【反馈:GZ-2026-000123】【动态】关于领导批示落实情况的报告_越秀区政府_签发人_报送人_联系电话_日期").contains("广州市人民政府办公厅");
		model.put("text", "");
		assertThat(templates.render("instruction", model)).doesNotContain("批示内容").contains("批示日期：2026年11月20日");
	}

	@Test
	void aMissingTemplateStopsStartUpNamingTheKey(@TempDir Path empty) {
		assertThatThrownBy(() -> new ReplyTemplates(empty)).isInstanceOf(ConfigurationError.class)
			.hasMessageStartingWith("baosong.replies.templates");
	}
}
