package org.baosong.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextKeysTest {

	@Test
	void namesMatchAcrossWidthSpacesAndCase() {
		assertThat(TextKeys.nameKey("越秀 区")).isEqualTo(TextKeys.nameKey("越秀区"));
		assertThat(TextKeys.nameKey("越秀\u3000区\u00a0")).isEqualTo("越秀区");
		assertThat(TextKeys.nameKey("ＧＺ开发区")).isEqualTo("gz开发区");
		assertThat(TextKeys.nameKey("萝岗区（广州开发区）")).isEqualTo("萝岗区(广州开发区)");
		assertThat(TextKeys.nameKey(null)).isNull();
	}

	@Test
	void addressesMatchAcrossCaseWidthAndBrackets() {
		assertThat(TextKeys.addressKey(" <Li.Hua@YueXiu.gov.cn> ")).isEqualTo("li.hua@yuexiu.gov.cn");
		assertThat(TextKeys.addressKey("li.hua＠yuexiu.gov.cn")).isEqualTo("li.hua@yuexiu.gov.cn");
	}

	@Test
	void cleanTurnsBlankIntoNull() {
		assertThat(TextKeys.clean("  ")).isNull();
		assertThat(TextKeys.clean(" １３８ ")).isEqualTo("138");
	}
}
