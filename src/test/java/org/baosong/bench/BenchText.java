package org.baosong.bench;

import java.util.SplittableRandom;

/**
 * Deterministic Chinese report text for the benchmark workloads: a title and paragraphs of plausible
 * 政务信息 sentences, different for every (seed, index) so that no two generated reports are
 * duplicates of each other (the DUPLICATE rule compares texts). No word here is a classified marking.
 */
final class BenchText {

	static final String[] PLACES = { "北京街", "六榕街", "东山街", "农林街", "华乐街", "猎德街", "冼村街", "石牌街", "员村街", "车陂街", "新港街",
			"滨江街", "琶洲街", "沙面街", "逢源街", "多宝街", "三元里街", "京溪街", "萝岗街", "鱼珠街", "市桥街", "钟村街", "新华街", "狮岭镇", "南沙街" };

	static final String[] TOPICS = { "营商环境", "乡村振兴", "老旧小区改造", "城中村改造", "垃圾分类", "一网通办", "放管服改革", "河长制", "专项债",
			"高质量发展", "数字经济", "安全生产", "食品安全", "防汛防风", "加装电梯", "人才引进", "招商引资", "民营经济", "12345热线", "消防安全",
			"文明城市创建", "耕地保护", "就业创业", "养老服务", "托育服务", "基层治理", "网格化管理", "志愿服务", "大气污染防治", "水环境治理",
			"海绵城市", "停车难治理", "农贸市场升级改造", "夜间经济", "文旅融合", "非遗保护", "低空经济" };

	static final String[] VERBS = { "推进", "深化", "落实", "开展", "部署", "推动", "加快", "统筹", "强化", "优化" };

	static final String[] RESULTS = { "群众满意度明显提升", "惠及居民%d万户", "办理时限平均压缩%d%%", "排查整改隐患%d处", "新增就业岗位%d个",
			"完成投资%d亿元", "累计召开居民议事会%d场", "受理群众诉求%d件" };

	static final String[] MEASURES = { "建立“居委会+业委会+物业”协同机制", "推行“一窗受理、集成服务”", "组建专项工作专班", "实行挂图作战、销号管理",
			"开展“四不两直”暗访检查", "引入第三方专业机构评估", "完善“街镇吹哨、部门报到”机制", "建设智慧监管平台", "落实领导干部包片联系制度" };

	static final String[] DEMANDS = { "要求压实责任、细化措施，确保按期完成", "强调要坚持以人民为中心，切实解决群众急难愁盼问题", "要求各部门加强协同、形成合力",
			"提出要建立长效机制，防止问题反弹", "要求加强宣传引导，营造良好氛围" };

	static final String[] ENDINGS = { "取得新成效", "工作扎实推进", "见实效", "经验做法", "有关情况", "成效明显" };

	private BenchText() {
	}

	/** A title of 6 to 80 characters naming the unit. */
	static String title(SplittableRandom r, String unit) {
		return unit + pick(r, VERBS) + pick(r, TOPICS) + pick(r, ENDINGS);
	}

	/**
	 * About {@code chars} characters of report text in paragraphs of 150 to 400 characters. The first
	 * sentence carries {@code index}, so that every generated report differs from every other.
	 */
	static String paragraphs(SplittableRandom r, String unit, long index, int chars) {
		var out = new StringBuilder();
		String topic = pick(r, TOPICS);
		out.append("今年以来，").append(unit).append("坚持问题导向，第").append(index).append("批次").append(topic).append("工作")
			.append(pick(r, VERBS)).append("有力。");
		int paragraph = out.length();
		while (out.length() < chars) {
			out.append(sentence(r, unit));
			if (out.length() - paragraph > 150 + r.nextInt(250)) {
				out.append('\n');
				paragraph = out.length();
			}
		}
		return out.toString().strip();
	}

	private static String sentence(SplittableRandom r, String unit) {
		String place = pick(r, PLACES);
		String topic = pick(r, TOPICS);
		return switch (r.nextInt(4)) {
			case 0 -> place + pick(r, VERBS) + topic + "工作，" + pick(r, MEASURES) + "，" + result(r) + "。";
			case 1 -> unit + "召开" + topic + "专题会议，" + pick(r, DEMANDS) + "。";
			case 2 -> "截至" + (1 + r.nextInt(12)) + "月底，全区" + topic + "项目已完成" + (40 + r.nextInt(60)) + "%，" + result(r) + "。";
			default -> "下一步，" + unit + "将继续" + pick(r, VERBS) + topic + "，" + pick(r, MEASURES) + "，" + pick(r, DEMANDS) + "。";
		};
	}

	private static String result(SplittableRandom r) {
		String pattern = pick(r, RESULTS);
		return pattern.contains("%d") ? pattern.formatted(1 + r.nextInt(300)) : pattern;
	}

	static String pick(SplittableRandom r, String[] values) {
		return values[r.nextInt(values.length)];
	}
}
