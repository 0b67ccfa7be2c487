package org.baosong.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class MimeParametersTest {

	@Test
	void rfc2231Utf8() {
		var p = MimeParameters.parse("attachment; filename*=UTF-8''%E6%8A%A5%E5%91%8A.docx");
		assertThat(p.value()).isEqualTo("attachment");
		assertThat(p.get("filename")).isEqualTo("报告.docx");
	}

	@Test
	void rfc2231ContinuationsSplitInsideACharacter() {
		// 报 = E6 8A A5: the first section ends inside it
		var p = MimeParameters.parse("attachment; filename*0*=UTF-8''%E6%8A; filename*1*=%A5%E5%91%8A; filename*2=.docx");
		assertThat(p.get("filename")).isEqualTo("报告.docx");
	}

	@Test
	void rfc2231InGbk() {
		var p = MimeParameters.parse("attachment; filename*=GBK''%B1%A8%B8%E6.doc");
		assertThat(p.get("filename")).isEqualTo("报告.doc");
	}

	@Test
	void rfc2047InsideQuotesAndTheExtendedFormWinning() {
		String word = "=?GB2312?B?" + Base64.getEncoder().encodeToString("越秀区动态.doc".getBytes(Charset.forName("GBK"))) + "?=";
		assertThat(MimeParameters.parse("attachment; filename=\"" + word + "\"").get("filename")).isEqualTo("越秀区动态.doc");
		assertThat(MimeParameters.parse("attachment; filename=\"fallback.doc\"; filename*=UTF-8''%E6%8A%A5.doc").get("filename"))
			.isEqualTo("报.doc");
	}

	@Test
	void quotedValuesKeepSemicolonsAndTypeIsLowerCase() {
		var p = MimeParameters.parse("Text/Plain; charset=\"GB2312\"; name=\"a;b.txt\"");
		assertThat(p.value()).isEqualTo("text/plain");
		assertThat(p.get("charset")).isEqualTo("GB2312");
		assertThat(p.get("name")).isEqualTo("a;b.txt");
	}
}
