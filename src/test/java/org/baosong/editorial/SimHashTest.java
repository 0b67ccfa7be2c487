package org.baosong.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimHashTest {

	static final String REPORT = "越秀区坚持居民议事、共建共治，以老旧小区微改造为抓手，累计完成改造小区42个，惠及居民3.1万户。"
			+ "一是建立居委会、业委会、物业三方联动机制，累计召开居民议事会286场，改造方案居民同意率达92%。"
			+ "二是统筹加装电梯、雨污分流、消防通道等项目，同步推进适老化改造，新增加装电梯137台。";

	@Test
	void aLightlyEditedReportIsNearAndAnotherReportIsFar() {
		long original = SimHash.of(REPORT);
		long edited = SimHash.of(REPORT.replace("137台", "138台").replace("，", " , "));
		long other = SimHash.of("市交委优化调整公交线路37条，平均候车时间缩短3.2分钟，市民出行满意度达到91.3分，公交分担率进一步提高。".repeat(3));
		assertThat(SimHash.distance(original, edited)).isLessThanOrEqualTo(SimHash.NEAR);
		assertThat(SimHash.distance(original, other)).isGreaterThan(SimHash.NEAR * 3);
		assertThat(SimHash.of("短")).isNull();
	}

	@Test
	void theTextHashIgnoresSpacingPunctuationAndWidth() {
		assertThat(Filing.textHash("越秀区，推进 改造。")).isEqualTo(Filing.textHash("越秀区,推进改造．")).isNotNull();
		assertThat(Filing.textHash(" ")).isNull();
	}
}
