package org.baosong.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import org.baosong.common.TextKeys;
import org.baosong.profile.SubjectGrammar;
import org.baosong.profile.SubjectGrammar.DateWindow;
import org.baosong.profile.SubjectGrammar.SubjectElement;
import org.baosong.profile.SubjectGrammar.TitleLength;

class SubjectParserTest {

	static final LocalDate RECEIVED = LocalDate.of(2026, 11, 20);

	static final String TITLE = "越秀区推进老旧小区改造惠及3万户";

	/** Names, short names and aliases of config/demo/units.csv, keyed as the registry keys them. */
	static final Set<String> UNITS = Stream
		.of("越秀区政府", "越秀区", "越秀区人民政府", "天河区政府", "天河区", "天河区人民政府", "萝岗区政府", "萝岗区", "广州开发区管委会",
				"萝岗区人民政府", "市发改委", "广州市发改委", "广州市发展和改革委员会")
		.map(TextKeys::nameKey)
		.collect(Collectors.toUnmodifiableSet());

	static final SubjectGrammar DEFAULTS = grammar(EnumSet.allOf(SubjectElement.class), 7, 1, 6, 80);

	final SubjectParser parser = new SubjectParser(DEFAULTS, UNITS::contains);

	static SubjectGrammar grammar(Set<SubjectElement> required, int daysBefore, int daysAfter, int min, int max) {
		return new SubjectGrammar(required, List.of("动态", "综合", "调研", "简讯", "要情", "专报"), "动态",
				new DateWindow(daysBefore, daysAfter), new TitleLength(min, max));
	}

	static SubjectLine line(String unit, String title, String signer, String reporter, String phone, String date) {
		return new SubjectLine("动态", null, null, unit, title, signer, reporter, phone, LocalDate.parse(date));
	}

	static SubjectLine typed(String type, String commission, String correction, SubjectLine l) {
		return new SubjectLine(type, commission, correction, l.unitText(), l.title(), l.signer(), l.reporter(), l.phone(),
				l.date());
	}

	static final SubjectLine CANONICAL = line("越秀区", TITLE, "王明", "李华", "13800138000", "2026-11-20");

	static SubjectLine canonicalWith(String phone, String date) {
		return line("越秀区", TITLE, "王明", "李华", phone, date);
	}

	// ---------------------------------------------------------------- valid subjects

	static Stream<Arguments> validSubjects() {
		return Stream.of(
				// the canonical form of the spec
				Arguments.of("【动态】越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20", CANONICAL),
				// full width throughout: NFKC first
				Arguments.of("【动态】越秀区｜越秀区推进老旧小区改造惠及３万户｜签发人：王明｜报送人：李华｜１３８００１３８０００｜２０２６－１１－２０", CANONICAL),
				// no tag: the profile's default type
				Arguments.of("越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20", CANONICAL),
				// the other brackets and types
				Arguments.of("[综合]越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20",
						typed("综合", null, null, CANONICAL)),
				Arguments.of("［调研］越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20",
						typed("调研", null, null, CANONICAL)),
				Arguments.of("〔简讯〕越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20",
						typed("简讯", null, null, CANONICAL)),
				Arguments.of("【要情类】越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20",
						typed("要情", null, null, CANONICAL)),
				Arguments.of("【 专报 ]越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20",
						typed("专报", null, null, CANONICAL)),
				// a commission keeps the default type unless a type tag stands beside it
				Arguments.of("【约稿:YG-2026-007】越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20",
						typed("动态", "YG-2026-007", null, CANONICAL)),
				Arguments.of("【约稿：YG-2026-007】【调研】越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20",
						typed("调研", "YG-2026-007", null, CANONICAL)),
				Arguments.of("【专报】【更正:GZ-2026-000123】越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20",
						typed("专报", null, "GZ-2026-000123", CANONICAL)),
				// unit and title swapped
				Arguments.of("【动态】" + TITLE + "|越秀区|签发人:王明|报送人:李华|13800138000|2026-11-20", CANONICAL),
				// an alias, a full name, spaces inside a unit name
				Arguments.of("越秀区人民政府|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20",
						line("越秀区人民政府", TITLE, "王明", "李华", "13800138000", "2026-11-20")),
				Arguments.of("广州开发区管委会|开发区新增高新技术企业120家|签发人:王明|报送人:李华|13800138000|2026-11-20",
						line("广州开发区管委会", "开发区新增高新技术企业120家", "王明", "李华", "13800138000", "2026-11-20")),
				Arguments.of("越秀 区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20",
						line("越秀 区", TITLE, "王明", "李华", "13800138000", "2026-11-20")),
				// a title with commas and a percent sign
				Arguments.of("市发改委|全市重点项目投资完成率达９５％，同比提高3个百分点|签发人:张强|报送人:陈静|020-83123456|2026-11-19",
						line("市发改委", "全市重点项目投资完成率达95%，同比提高3个百分点", "张强", "陈静", "020-83123456", "2026-11-19")),
				// a |-separated title keeps its inner space
				Arguments.of("越秀区|越秀区 推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|13800138000|2026-11-20",
						line("越秀区", "越秀区 推进老旧小区改造惠及3万户", "王明", "李华", "13800138000", "2026-11-20")),
				// labelled fields separated by whitespace
				Arguments.of(TITLE + " 单位:越秀区 签发人:王明 报送人:李华 电话:13800138000 日期:2026-11-20", CANONICAL),
				Arguments.of("【动态】" + TITLE + " 单位：越秀区 签发：王明 信息员：李华 手机：13800138000 日期：2026年11月20日", CANONICAL),
				Arguments.of(TITLE + "，单位：越秀区，签发人：王明，报送人：李华，电话：13800138000，日期：2026-11-20", CANONICAL),
				Arguments.of("越秀区 " + TITLE + " 签发人:王明 报送人:李华 13800138000 2026-11-20", CANONICAL),
				Arguments.of(TITLE + " 单位:越秀区 签发人:王 明 报送人:李华 电话:138 0013 8000 日期:11月20日", CANONICAL),
				Arguments.of("标题:" + TITLE + " 报送单位:越秀区 签发人:王明 撰稿人:李华 联系电话:13800138000 2026/11/20", CANONICAL),
				// separators: spaces around them, doubled, trailing
				Arguments.of(" 越秀区 | " + TITLE + " | 签发人: 王明 | 报送人 : 李华 | 13800138000 | 2026-11-20 |", CANONICAL),
				Arguments.of("越秀区||" + TITLE + "|||签发人:王明|报送人:李华||13800138000|2026-11-20||", CANONICAL),
				Arguments.of("越秀区|" + TITLE + "|签发人：王明 |报送人：李华  |13800138000|2026-11-20", CANONICAL),
				// brackets around names
				Arguments.of("越秀区|" + TITLE + "|签发人:（王明）|报送人:【李华】|13800138000|2026-11-20", CANONICAL),
				Arguments.of("越秀区|" + TITLE + "|签发人:“王明”|报送人:<李华>|13800138000|2026-11-20", CANONICAL),
				// labels for unit and title, and any order
				Arguments.of("单位:越秀区|标题:" + TITLE + "|签发人:王明|报送人:李华|电话:13800138000|日期:2026-11-20", CANONICAL),
				Arguments.of("签发人:王明|报送人:李华|" + TITLE + "|越秀区|2026-11-20|13800138000", CANONICAL),
				// unlabelled names take the canonical positions
				Arguments.of("越秀区|" + TITLE + "|王明|李华|13800138000|2026-11-20", CANONICAL),
				// labels without their colon, as whole fields
				Arguments.of("越秀区|" + TITLE + "|签发人王明|报送人李华|电话13800138000|日期2026-11-20", CANONICAL),
				// several labelled fields inside one |-separated piece
				Arguments.of("越秀区|" + TITLE + "|签发人:王明 报送人:李华|联系电话:13800138000 日期:2026-11-20", CANONICAL),
				Arguments.of("越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000 2026-11-20", CANONICAL),
				// phones as people type them
				Arguments.of("越秀区|" + TITLE + "|签发人:王明|报送人:李华|138 0013 8000|2026-11-20", CANONICAL),
				Arguments.of("越秀区|" + TITLE + "|签发人:王明|报送人:李华|138-0013-8000|2026-11-20", CANONICAL),
				Arguments.of("越秀区|" + TITLE + "|签发人:王明|报送人:李华|+86 138 0013 8000|2026-11-20", CANONICAL),
				Arguments.of("越秀区|" + TITLE + "|签发人:王明|报送人:李华|020-83123456|2026-11-20",
						canonicalWith("020-83123456", "2026-11-20")),
				Arguments.of("越秀区|" + TITLE + "|签发人:王明|报送人:李华|020 83123456|2026-11-20",
						canonicalWith("02083123456", "2026-11-20")),
				Arguments.of("越秀区|" + TITLE + "|签发人:王明|报送人:李华|TEL:020-83123456-801|2026-11-20",
						canonicalWith("020-83123456-801", "2026-11-20")),
				Arguments.of("越秀区|" + TITLE + "|签发人:王明|报送人:李华|tel：(020)83123456|2026-11-20",
						canonicalWith("020-83123456", "2026-11-20")),
				Arguments.of("越秀区|" + TITLE + "|签发人:王明|报送人:李华|83123456转801|2026-11-20",
						canonicalWith("83123456-801", "2026-11-20")),
				Arguments.of("越秀区|" + TITLE + "|签发人:王明|报送人:李华|020-83123456 13800138000|2026-11-20",
						canonicalWith("020-83123456", "2026-11-20")),
				// the title keeps the punctuation of Chinese prose as typed; （020） is a plain area code
				Arguments.of("越秀区|越秀区：推进老旧小区改造，惠及３万户（图）|签发人：王明|报送人：李华|（020）83123456|2026-11-20",
						line("越秀区", "越秀区：推进老旧小区改造，惠及3万户（图）", "王明", "李华", "020-83123456", "2026-11-20")),
				// invisible characters pasted along with the text
				Arguments.of("\ufeff越秀区\u200b|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20\u200b", CANONICAL),
				// a title that begins with a label word stays a title
				Arguments.of("越秀区|电话诈骗案件同比下降三成|签发人:王明|报送人:李华|13800138000|2026-11-20",
						line("越秀区", "电话诈骗案件同比下降三成", "王明", "李华", "13800138000", "2026-11-20")),
				// a labelled signer and an unlabelled reporter
				Arguments.of("越秀区|" + TITLE + "|签发人:王明|李华|13800138000|2026-11-20", CANONICAL),
				Arguments.of("萝岗区|" + TITLE + "|签发人:王明|报送人:李华|Tel：13800138000|日期：2026-11-20",
						line("萝岗区", TITLE, "王明", "李华", "13800138000", "2026-11-20")),
				// dates in every shape, at both ends of the window
				Arguments.of("越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026/11/20", CANONICAL),
				Arguments.of("越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026.11.20", CANONICAL),
				Arguments.of("越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026年11月20日", CANONICAL),
				Arguments.of("越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|20261120", CANONICAL),
				Arguments.of("越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|11月20日", CANONICAL),
				Arguments.of("越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-13",
						canonicalWith("13800138000", "2026-11-13")),
				Arguments.of("越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-21",
						canonicalWith("13800138000", "2026-11-21")));
	}

	@ParameterizedTest
	@MethodSource("validSubjects")
	void readsAValidSubject(String subject, SubjectLine expected) {
		SubjectParse parse = parser.parse(subject, RECEIVED);
		assertThat(parse.problems()).isEmpty();
		assertThat(parse.ok()).isTrue();
		assertThat(parse.line()).isEqualTo(expected);
	}

	// ---------------------------------------------------------------- invalid subjects: the exact reason codes

	@ParameterizedTest
	@CsvSource(delimiterString = " => ", textBlock = """
			越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|1380013800|2026-11-20         => PHONE_INVALID
			越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|138001380001|2026-11-20       => PHONE_INVALID
			越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|12800138000|2026-11-20        => PHONE_INVALID
			越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|电话:无|2026-11-20             => PHONE_INVALID
			越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|13800138000|2026-11-12        => DATE_INVALID
			越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|13800138000|2026-11-22        => DATE_INVALID
			越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|13800138000|2025-11-20        => DATE_INVALID
			越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|13800138000|2026-02-30        => DATE_INVALID
			越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|13800138000|13月5日           => DATE_INVALID
			越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|13800138000|日期:昨天         => DATE_INVALID
			越秀区|老旧小区|签发人:王明|报送人:李华|13800138000|2026-11-20                               => TITLE_LENGTH
			越秀区人大|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|13800138000|2026-11-20     => UNIT_UNKNOWN
			越秀区推进老旧小区改造惠及3万户|越秀区人大|签发人:王明|报送人:李华|13800138000|2026-11-20     => UNIT_UNKNOWN
			越秀区推进老旧小区改造惠及3万户 单位:越秀区人大 签发人:王明 报送人:李华 电话:13800138000 日期:2026-11-20 => UNIT_UNKNOWN
			Re: 【动态】越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|13800138000|2026-11-20 => REPLY_OR_FORWARD
			RE：越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|13800138000|2026-11-20     => REPLY_OR_FORWARD
			回复：越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|13800138000|2026-11-20   => REPLY_OR_FORWARD
			答复: 越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|13800138000|2026-11-20   => REPLY_OR_FORWARD
			Fwd: Re: 转发:越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|13800138000|2026-11-20 => REPLY_OR_FORWARD
			FW: 越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|13800138000|2026-11-20     => REPLY_OR_FORWARD
			Re[2]: 越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|13800138000|2026-11-20  => REPLY_OR_FORWARD
			Fw: 关于召开全市政务信息工作会议的通知                                                    => REPLY_OR_FORWARD
			回复(3)：                                                                              => REPLY_OR_FORWARD
			【经验】越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|13800138000|2026-11-20 => SUBJECT_FORMAT
			【约稿】越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|13800138000|2026-11-20 => SUBJECT_FORMAT
			【动态】【调研】越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|13800138000|2026-11-20 => SUBJECT_FORMAT
			越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|签发人:张强|报送人:李华|13800138000|2026-11-20 => SUBJECT_FORMAT
			越秀区|越秀区推进老旧小区改造惠及3万户|王明|李华|张强|13800138000|2026-11-20                 => SUBJECT_FORMAT
			'|||'                                                                                   => SUBJECT_FORMAT
			单位:越秀区人大|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|13800138000|2026-11-20 => UNIT_UNKNOWN
			越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|138 0013 800|2026-11-20       => PHONE_INVALID
			越秀区推进老旧小区改造惠及3万户 单位:越秀区 签发人:王明 报送人:李华 电话:1380013800 日期:2026-11-30 => PHONE_INVALID,DATE_INVALID
			越秀区人大|会议|签发人:王明|1380013800|2026-10-01                                        => UNIT_UNKNOWN,TITLE_LENGTH,SUBJECT_MISSING_FIELDS,PHONE_INVALID,DATE_INVALID
			Re: 越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明                                     => REPLY_OR_FORWARD,SUBJECT_MISSING_FIELDS
			【综合】越秀区|老旧小区|电话:1380013800                                                     => TITLE_LENGTH,SUBJECT_MISSING_FIELDS,PHONE_INVALID
			""")
	void reportsExactlyTheseReasons(String subject, String codes) {
		SubjectParse parse = parser.parse(subject, RECEIVED);
		assertThat(parse.reasonCodes()).containsExactlyInAnyOrder(codes.split(","));
		assertThat(parse.ok()).isFalse();
	}

	// ---------------------------------------------------------------- feedback on a leader's instruction (ADR 0017)

	@ParameterizedTest
	@ValueSource(strings = {
			"【反馈:GZ-2026-000123】越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20",
			"【反馈：GZ-2026-000123】越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20",
			"[反馈:GZ-2026-000123]越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20",
			"［反馈：ＧＺ－２０２６－０００１２３］越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20",
			"〔反馈 GZ-2026- 000123〕越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20",
			"【 反馈 : GZ-2026-000123 ]越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20" })
	void aFeedbackTagNamesTheInstructedItemInAnyBracketsAndColon(String subject) {
		SubjectParse parse = parser.parse(subject, RECEIVED);
		assertThat(parse.problems()).isEmpty();
		assertThat(parse.line()).isEqualTo(new SubjectLine("动态", null, null, "GZ-2026-000123", "越秀区", TITLE, "王明", "李华", "13800138000",
				RECEIVED));
	}

	@Test
	void aFeedbackTagStandsBesideTheTypeAndTheOtherTags() {
		SubjectParse parse = parser.parse("【反馈:GZ-2026-000123】【调研】越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20", RECEIVED);
		assertThat(parse.problems()).isEmpty();
		assertThat(parse.line().type()).isEqualTo("调研");
		assertThat(parse.line().feedbackOf()).isEqualTo("GZ-2026-000123");
		assertThat(parser.parse("【约稿:YG-2026-007】【反馈:GZ-2026-000123】越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20",
				RECEIVED).line()).extracting(SubjectLine::commissionCode, SubjectLine::feedbackOf).containsExactly("YG-2026-007", "GZ-2026-000123");
	}

	@Test
	void aFeedbackTagWithoutItsNumberIsAFormatProblem() {
		SubjectParse parse = parser.parse("【反馈】越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20", RECEIVED);
		assertThat(parse.reasonCodes()).containsExactly("SUBJECT_FORMAT");
		assertThat(parse.problems()).singleElement().extracting(SubjectProblem::detail).asString().contains("反馈标签缺少被批示信息的受理编号");
		assertThat(parse.line().feedbackOf()).isNull();
	}

	// ---------------------------------------------------------------- missing elements: one problem each

	@ParameterizedTest
	@CsvSource(delimiterString = " => ", textBlock = """
			越秀区推进老旧小区改造惠及3万户                                          => 单位,签发人,报送人,联系电话,日期
			【动态】                                                              => 标题,单位,签发人,报送人,联系电话,日期
			越秀区|签发人:王明|报送人:李华|13800138000|2026-11-20                   => 标题
			越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|13800138000|2026-11-20 => 单位
			越秀区|越秀区推进老旧小区改造惠及3万户|报送人:李华|13800138000|2026-11-20  => 签发人
			越秀区|越秀区推进老旧小区改造惠及3万户|签发人:|报送人:李华|13800138000|2026-11-20 => 签发人
			越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|13800138000|2026-11-20  => 报送人
			越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|2026-11-20  => 联系电话
			越秀区|越秀区推进老旧小区改造惠及3万户|签发人:王明|报送人:李华|13800138000 => 日期
			越秀区 越秀区推进老旧小区改造惠及3万户 签发人:王明 报送人:李华             => 联系电话,日期
			越秀区|越秀区推进老旧小区改造惠及3万户|13800138000|2026-11-20            => 签发人,报送人
			""")
	void namesEveryMissingElement(String subject, String elements) {
		SubjectParse parse = parser.parse(subject, RECEIVED);
		assertThat(parse.reasonCodes()).containsExactly("SUBJECT_MISSING_FIELDS");
		assertThat(parse.problems()).extracting(SubjectProblem::element).containsExactly(elements.split(","));
		assertThat(parse.line()).isNotNull();
	}

	@Test
	void aSubjectThatIsOnlyATitleStillNamesItsTitle() {
		SubjectParse parse = parser.parse(TITLE, RECEIVED);
		assertThat(parse.line()).isEqualTo(new SubjectLine("动态", null, null, null, TITLE, null, null, null, null));
	}

	// ---------------------------------------------------------------- nothing to read

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "\u3000\t" })
	void anEmptySubjectCannotBeParsed(String subject) {
		SubjectParse parse = parser.parse(subject, RECEIVED);
		assertThat(parse.line()).isNull();
		assertThat(parse.problems()).containsExactly(new SubjectProblem("SUBJECT_FORMAT", "主题", "邮件主题为空"));
	}

	@Test
	void aReplyToSomeOtherMailStandsAlone() {
		SubjectParse parse = parser.parse("Re: 关于报送2026年第四季度政务信息的通知", RECEIVED);
		assertThat(parse.line()).isNull();
		assertThat(parse.problems()).containsExactly(new SubjectProblem("REPLY_OR_FORWARD", "主题",
				"主题以“Re:”开头，是回复或转发的邮件，不能作为报送信息；请新建邮件报送"));
	}

	@Test
	void aForwardedSubmissionIsReadBehindItsPrefixes() {
		SubjectParse parse = parser.parse("Fwd: 回复：【调研】越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20",
				RECEIVED);
		assertThat(parse.line()).isEqualTo(typed("调研", null, null, CANONICAL));
		assertThat(parse.problems()).extracting(SubjectProblem::reasonCode).containsExactly("REPLY_OR_FORWARD");
		assertThat(parse.problems().get(0).detail()).startsWith("主题以“Fwd:”开头");
	}

	/** Out-of-office subjects belong to the AUTO_GENERATED rule, which runs before the grammar; they are no reply. */
	@Test
	void anAutomaticReplyIsNotTakenForAReply() {
		assertThat(parser.parse("自动回复：我目前正在休假", RECEIVED).reasonCodes()).doesNotContain("REPLY_OR_FORWARD");
	}

	// ---------------------------------------------------------------- the details that go into the reply

	/** In the order of the spec's elements (标题, 单位, 签发人, 报送人, 联系电话, 日期), each saying how to fix it. */
	@Test
	void theDetailsSayWhatToFix() {
		var parse = parser.parse("越秀区人大|会议|签发人:王明|1380013800|2026-10-01", RECEIVED);
		assertThat(parse.problems()).containsExactly(
				new SubjectProblem("TITLE_LENGTH", "标题", "标题“会议”只有2字，应为6至80字"),
				new SubjectProblem("UNIT_UNKNOWN", "单位", "单位“越秀区人大”不在登记的单位名单中，请写登记的单位名称或简称"),
				new SubjectProblem("SUBJECT_MISSING_FIELDS", "报送人", "缺少报送人（写作“报送人:姓名”）"),
				new SubjectProblem("PHONE_INVALID", "联系电话", "联系电话“1380013800”位数不对（手机为11位，座机如020-83123456）"),
				new SubjectProblem("DATE_INVALID", "日期", "日期“2026-10-01”超出有效范围（应在2026-11-13至2026-11-21之间）"));
		// what was read stays in the line so that the reply can echo it
		assertThat(parse.line()).isEqualTo(new SubjectLine("动态", null, null, "越秀区人大", "会议", "王明", null, "1380013800",
				LocalDate.of(2026, 10, 1)));
	}

	@Test
	void anUnknownTypeIsRefusedAndTheRestStillRead() {
		var parse = parser.parse("【经验】越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20", RECEIVED);
		assertThat(parse.problems()).containsExactly(new SubjectProblem("SUBJECT_FORMAT", "类型",
				"类型“经验”不在可用类型之列（可用：动态、综合、调研、简讯、要情、专报）"));
		assertThat(parse.line()).isEqualTo(typed("经验", null, null, CANONICAL));
	}

	@Test
	void aCalendarImpossibleDateAndAnUnreadablePhoneAreQuoted() {
		var parse = parser.parse("越秀区|" + TITLE + "|签发人:王明|报送人:李华|电话:无|2026-02-30", RECEIVED);
		assertThat(parse.problems()).extracting(SubjectProblem::detail)
			.containsExactly("联系电话“无”无法识别（手机为11位，座机如020-83123456）", "日期“2026-02-30”不是有效的日期（如2026-11-20）");
		assertThat(parse.line().date()).isNull();
	}

	@Test
	void aLongTitleIsMeasuredInCharacters() {
		String title = "越".repeat(81);
		var parse = parser.parse("越秀区|" + title + "|签发人:王明|报送人:李华|13800138000|2026-11-20", RECEIVED);
		assertThat(parse.problems()).containsExactly(new SubjectProblem("TITLE_LENGTH", "标题", "标题有81字，超过80字的上限"));
		assertThat(parser.parse("越秀区|" + "越".repeat(80) + "|签发人:王明|报送人:李华|13800138000|2026-11-20", RECEIVED).ok())
			.isTrue();
	}

	// ---------------------------------------------------------------- dates around the new year

	@ParameterizedTest
	@CsvSource({ "2027-01-02, 12月31日, 2026-12-31", "2026-12-31, 1月1日, 2027-01-01", "2027-01-05, 12月30日, 2026-12-30",
			"2027-01-01, 20261231, 2026-12-31" })
	void aYearlessDateIsTheOneNearestTheDayOfReceipt(LocalDate received, String written, LocalDate expected) {
		var parse = parser.parse("越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|" + written, received);
		assertThat(parse.problems()).isEmpty();
		assertThat(parse.line().date()).isEqualTo(expected);
	}

	// ---------------------------------------------------------------- the profile's options

	@Test
	void theProfileDecidesWhatIsRequired() {
		var lenient = new SubjectParser(grammar(EnumSet.of(SubjectElement.TITLE, SubjectElement.UNIT), 7, 1, 6, 80),
				UNITS::contains);
		var parse = lenient.parse("越秀区|" + TITLE, RECEIVED);
		assertThat(parse.ok()).isTrue();
		assertThat(parse.line()).isEqualTo(new SubjectLine("动态", null, null, "越秀区", TITLE, null, null, null, null));
		// an element that is not required is still checked when it is there
		assertThat(lenient.parse("越秀区|" + TITLE + "|1380013800", RECEIVED).reasonCodes()).containsExactly("PHONE_INVALID");
	}

	@Test
	void theProfileDecidesTheWindowAndTheTitleBounds() {
		var strict = new SubjectParser(grammar(EnumSet.allOf(SubjectElement.class), 0, 0, 10, 12), UNITS::contains);
		var parse = strict.parse("越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-19", RECEIVED);
		assertThat(parse.problems()).containsExactly(
				new SubjectProblem("TITLE_LENGTH", "标题", "标题有16字，超过12字的上限"),
				new SubjectProblem("DATE_INVALID", "日期", "日期“2026-11-19”超出有效范围（应在2026-11-20至2026-11-20之间）"));
	}

	@Test
	void theProfileDecidesTheTypes() {
		var grammar = new SubjectGrammar(EnumSet.allOf(SubjectElement.class), List.of("信息", "快报"), "信息",
				new DateWindow(7, 1), new TitleLength(6, 80));
		var custom = new SubjectParser(grammar, UNITS::contains);
		String rest = "越秀区|" + TITLE + "|签发人:王明|报送人:李华|13800138000|2026-11-20";
		assertThat(custom.parse(rest, RECEIVED).line().type()).isEqualTo("信息");
		assertThat(custom.parse("【快报】" + rest, RECEIVED).line().type()).isEqualTo("快报");
		assertThat(custom.parse("【动态】" + rest, RECEIVED).reasonCodes()).containsExactly("SUBJECT_FORMAT");
	}

	@Test
	void reasonCodesAreDistinctAndInOrderOfFinding() {
		var parse = parser.parse("越秀区推进老旧小区改造惠及3万户", RECEIVED);
		assertThat(parse.problems()).hasSize(5);
		assertThat(parse.reasonCodes()).containsExactly("SUBJECT_MISSING_FIELDS");
		assertThat(Arrays.asList(SubjectElement.values())).hasSize(6);
	}
}
