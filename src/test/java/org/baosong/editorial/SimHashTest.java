package org.baosong.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

	/**
	 * The threshold on real prose of one genre: the five jurisdictions' regulations on 政务信息 (the project's
	 * seeds), cut into pieces of a report's size. Pieces of different passages are far apart (measured: at least
	 * 12 bits at 600 characters, 15 at 1,500), so NEAR flags no pair of them; the benchmark generator's
	 * templated texts, built from about a hundred phrases, come much closer (median 8 bits at 3,000
	 * characters), which is why its drains flag so many (docs/PERFORMANCE.md).
	 */
	@ParameterizedTest
	@ValueSource(ints = { 600, 1500 })
	void differentPassagesOfRealProseAreNotNear(int size) throws IOException {
		List<Long> hashes = pieces(size).stream().map(SimHash::of).toList();
		assertThat(hashes).hasSizeGreaterThan(20);
		int closest = 64;
		for (int i = 0; i < hashes.size(); i++) {
			for (int j = i + 1; j < hashes.size(); j++) {
				closest = Math.min(closest, SimHash.distance(hashes.get(i), hashes.get(j)));
			}
		}
		assertThat(closest).isGreaterThan(SimHash.NEAR);
	}

	/** The same pieces at a report's size, with a sentence added in the middle or the last 60 characters cut: all near. */
	@Test
	void aPassageWithASentenceAddedOrItsEndCutIsNear() throws IOException {
		for (String piece : pieces(1500)) {
			int middle = piece.length() / 2;
			String added = piece.substring(0, middle) + "据悉，此项工作得到上级充分肯定。" + piece.substring(middle);
			String cut = piece.substring(0, piece.length() - 60);
			assertThat(SimHash.distance(SimHash.of(piece), SimHash.of(added))).isLessThanOrEqualTo(SimHash.NEAR);
			assertThat(SimHash.distance(SimHash.of(piece), SimHash.of(cut))).isLessThanOrEqualTo(SimHash.NEAR);
		}
	}

	private static List<String> pieces(int size) throws IOException {
		String text;
		try (InputStream in = SimHashTest.class.getResourceAsStream("regulations-prose.txt")) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		List<String> pieces = new ArrayList<>();
		for (int i = 0; i + size <= text.length(); i += size) {
			pieces.add(text.substring(i, i + size));
		}
		return pieces;
	}
}
