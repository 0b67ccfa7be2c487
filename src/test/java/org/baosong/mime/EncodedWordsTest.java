package org.baosong.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class EncodedWordsTest {

	private static final Charset GBK = Charset.forName("GBK");

	private static String b(String charset, byte[] bytes) {
		return "=?" + charset + "?B?" + Base64.getEncoder().encodeToString(bytes) + "?=";
	}

	@Test
	void joinsAdjacentWordsSplitInsideAGbkCharacter() {
		byte[] bytes = "【动态】越秀区|老旧小区改造".getBytes(GBK);
		int cut = 7; // inside the 4th two-byte character
		String header = b("gb2312", Arrays.copyOfRange(bytes, 0, cut)) + "\r\n " + b("gb2312", Arrays.copyOfRange(bytes, cut, bytes.length));
		assertThat(EncodedWords.decode(header.replace("\r\n", ""))).isEqualTo("【动态】越秀区|老旧小区改造");
	}

	@Test
	void joinsUtf8SplitAcrossBAndQWords() {
		byte[] bytes = "越秀区".getBytes(StandardCharsets.UTF_8);
		String q = "=?UTF-8?Q?" + hexQ(Arrays.copyOfRange(bytes, 4, bytes.length)) + "?=";
		String header = b("utf-8", Arrays.copyOfRange(bytes, 0, 4)) + " " + q;
		assertThat(EncodedWords.decode(header)).isEqualTo("越秀区");
	}

	@Test
	void gb2312LabelReadsGbkOnlyCharacters() {
		String header = b("gb2312", "朱镕基 王喆 李堃 张玥".getBytes(GBK));
		assertThat(EncodedWords.decode(header)).isEqualTo("朱镕基 王喆 李堃 张玥");
	}

	@Test
	void keepsTextAroundWordsAndSpaceBetweenWordAndText() {
		assertThat(EncodedWords.decode("Re: " + b("utf-8", "报告".getBytes(StandardCharsets.UTF_8)) + " (2)"))
			.isEqualTo("Re: 报告 (2)");
		assertThat(EncodedWords.decode("plain text")).isEqualTo("plain text");
	}

	@Test
	void differentCharsetsAreDecodedSeparately() {
		String header = b("gbk", "越秀".getBytes(GBK)) + " " + b("big5", "區政府".getBytes(Charset.forName("Big5")));
		assertThat(EncodedWords.decode(header)).isEqualTo("越秀區政府");
	}

	@Test
	void phrasesWithSpecialsAreQuotedForAddressParsing() {
		String header = b("utf-8", "王明,李华".getBytes(StandardCharsets.UTF_8)) + " <a@b.cn>";
		assertThat(EncodedWords.decodePhrase(header)).isEqualTo("\"王明,李华\" <a@b.cn>");
		assertThat(EncodedWords.decodePhrase("\"" + b("utf-8", "王明,李华".getBytes(StandardCharsets.UTF_8)) + "\" <a@b.cn>"))
			.isEqualTo("\"王明,李华\" <a@b.cn>");
	}

	private static String hexQ(byte[] bytes) {
		var out = new StringBuilder();
		for (byte x : bytes) {
			out.append('=').append(String.format("%02X", x & 0xff));
		}
		return out.toString();
	}
}
