package org.baosong.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic government reports for the search benchmark: the same seed and number give
 * the same submission every time. Titles and texts are built from the vocabulary offices write with
 * (districts, streets, officials' names, policy terms, figures): 8 to 30 sentences of text (about
 * 750 characters on average), and for a third an attachment text of 15 to 60 sentences, as reports
 * sent as .docx have. Not meant to be read, only to give Lucene realistic term
 * statistics: a few very common terms (区, 推进, 工作), many mid-frequency policy terms, rare names.
 */
final class SyntheticReports {

	static final String[] DISTRICTS = { "越秀区", "海珠区", "荔湾区", "天河区", "白云区", "黄埔区", "番禺区", "花都区", "南沙区", "从化区", "增城区" };

	static final String[] STREETS = { "北京街", "六榕街", "东山街", "农林街", "华乐街", "猎德街", "冼村街", "石牌街", "员村街", "车陂街", "新港街", "滨江街",
			"琶洲街", "沙面街", "逢源街", "多宝街", "三元里街", "京溪街", "萝岗街", "鱼珠街", "市桥街", "钟村街", "新华街", "狮岭镇", "南沙街", "珠江街",
			"街口街", "温泉镇", "荔城街", "新塘镇" };

	static final String[] DEPARTMENTS = { "发展改革委", "教育局", "科技局", "工业和信息化局", "公安局", "民政局", "司法局", "财政局", "人力资源社会保障局",
			"规划和自然资源局", "生态环境局", "住房城乡建设局", "交通运输局", "水务局", "农业农村局", "商务局", "文化广电旅游局", "卫生健康委", "应急管理局",
			"市场监管局", "城市管理综合执法局", "政务服务数据管理局", "统计局", "医保局", "信访局" };

	static final String[] TOPICS = { "营商环境", "乡村振兴", "老旧小区改造", "城中村改造", "垃圾分类", "一网通办", "放管服改革", "河长制", "双减", "专项债",
			"新质生产力", "高质量发展", "粤港澳大湾区建设", "数字经济", "人工智能", "安全生产", "食品安全", "防汛防风", "疫苗接种", "加装电梯", "人才引进",
			"招商引资", "民营经济", "12345热线", "5G基站建设", "消防安全", "春运保障", "文明城市创建", "耕地保护", "信访维稳", "就业创业", "养老服务",
			"托育服务", "义务教育", "基层治理", "网格化管理", "志愿服务", "大气污染防治", "水环境治理", "海绵城市", "轨道交通", "停车难治理",
			"农贸市场升级改造", "夜间经济", "文旅融合", "非遗保护", "百千万工程", "低空经济", "政务信息工作", "耕地撂荒整治" };

	static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "梁",
			"欧阳", "司徒" };

	static final String[] GIVEN = { "明", "华", "伟", "静", "敏", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "超", "秀英", "志远", "晓东", "建国",
			"丽华", "明亮", "文辉", "嘉欣", "浩然" };

	static final String[] ROLES = { "区长", "副区长", "区委书记", "副市长", "市委常委", "局长", "副局长", "街道党工委书记", "镇长" };

	static final String[] VERBS = { "推进", "深化", "落实", "开展", "部署", "推动", "加快", "统筹", "强化", "优化" };

	static final String[] RESULTS = { "群众满意度明显提升", "惠及居民%d万户", "办理时限平均压缩%d%%", "排查整改隐患%d处", "新增就业岗位%d个", "完成投资%d亿元",
			"受理群众诉求%d件", "覆盖%d个社区" };

	static final String[] DEMANDS = { "要求压实责任、细化措施，确保按期完成", "强调要坚持以人民为中心，切实解决群众急难愁盼问题", "要求各部门加强协同、形成合力",
			"强调要守牢安全底线，防范化解重大风险", "要求建立台账、挂图作战，定期通报进展" };

	static final String[] TITLE_ENDINGS = { "取得新成效", "惠及%d万户", "工作扎实推进", "见实效", "", "经验做法", "有关情况" };

	static final String[] TYPES = { "动态", "动态", "动态", "动态", "综合", "调研", "简讯", "要情", "专报" };

	static final String[] STATES = { "RECEIVED", "RECEIVED", "RECEIVED", "IN_EDIT", "IN_REVIEW", "ADOPTED", "ADOPTED", "ADOPTED",
			"NOT_ADOPTED", "RETURNED" };

	static final int UNITS = 130;

	static final Instant YEAR_START = Instant.parse("2025-12-31T16:00:00Z");

	private SyntheticReports() {
	}

	static String unitName(long unitId) {
		int u = (int) (unitId - 1);
		if (u < DISTRICTS.length) {
			return DISTRICTS[u] + "政府";
		}
		if (u < DISTRICTS.length + DEPARTMENTS.length) {
			return "市" + DEPARTMENTS[u - DISTRICTS.length];
		}
		return DISTRICTS[u % DISTRICTS.length] + STREETS[u % STREETS.length] + "道办事处";
	}

	static String sequence(long unitId) {
		int u = (int) (unitId - 1);
		return u < DISTRICTS.length ? "district" : u < DISTRICTS.length + DEPARTMENTS.length ? "dept-a" : "direct-a";
	}

	static String person(SplittableRandom r) {
		return pick(r, SURNAMES) + pick(r, GIVEN);
	}

	static IndexedSubmission report(long seed, long id, int total) {
		var r = new SplittableRandom(seed * 1_000_003L + id);
		long unitId = 1 + r.nextInt(UNITS);
		String district = unitId <= DISTRICTS.length ? DISTRICTS[(int) unitId - 1] : pick(r, DISTRICTS);
		String topic = pick(r, TOPICS);
		String title = district + pick(r, VERBS) + topic + figures(r, pick(r, TITLE_ENDINGS));
		var text = new StringBuilder();
		int sentences = 8 + r.nextInt(23);
		for (int i = 0; i < sentences; i++) {
			text.append(sentence(r, district, i < 3 ? topic : pick(r, TOPICS)));
		}
		String attachment = null;
		if (r.nextInt(3) == 0) {
			var a = new StringBuilder(title).append(".docx\n");
			int more = 15 + r.nextInt(46);
			for (int i = 0; i < more; i++) {
				a.append(sentence(r, district, i < 4 ? topic : pick(r, TOPICS)));
			}
			attachment = a.toString();
		}
		var flags = new ArrayList<String>();
		if (r.nextInt(20) == 0) {
			flags.add("URGENT");
		}
		if (r.nextInt(33) == 0) {
			flags.add("NEAR_DUPLICATE");
		}
		Instant received = YEAR_START.plus(Duration.ofSeconds((long) (id * (365.0 * 86400 / total)) + r.nextInt(3600)));
		return new IndexedSubmission(id, "GZ-2026-%06d".formatted(id), title, text.toString(), attachment, unitId, unitName(unitId),
				sequence(unitId), pick(r, TYPES), pick(r, STATES), List.copyOf(flags), received);
	}

	private static String sentence(SplittableRandom r, String district, String topic) {
		return switch (r.nextInt(6)) {
			case 0 -> district + pick(r, VERBS) + topic + "工作，" + figures(r, pick(r, RESULTS)) + "。";
			case 1 -> (1 + r.nextInt(12)) + "月" + (1 + r.nextInt(28)) + "日，" + pick(r, ROLES) + person(r) + "带队到" + pick(r, STREETS)
					+ "调研" + topic + "情况，" + pick(r, DEMANDS) + "。";
			case 2 -> "截至" + (1 + r.nextInt(12)) + "月底，全区累计完成" + topic + "项目" + (1 + r.nextInt(300)) + "个，完成年度计划的"
					+ (50 + r.nextInt(60)) + "%。";
			case 3 -> district + pick(r, STREETS) + "坚持问题导向，围绕" + topic + "建立“一事一议、一周一报”工作机制，" + figures(r, pick(r, RESULTS)) + "。";
			case 4 -> "市" + pick(r, DEPARTMENTS) + "会同" + district + "召开" + topic + "专题会议，" + pick(r, DEMANDS) + "。";
			default -> "下一步，" + district + "将继续" + pick(r, VERBS) + topic + "，" + pick(r, DEMANDS) + "。";
		};
	}

	private static String figures(SplittableRandom r, String pattern) {
		return pattern.contains("%d") ? pattern.formatted(1 + r.nextInt(500)) : pattern;
	}

	private static String pick(SplittableRandom r, String[] values) {
		return values[r.nextInt(values.length)];
	}
}
