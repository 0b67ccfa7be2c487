package org.baosong.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MailCharsetsTest {

	@Test
	void everyGbLabelIsReadAsGb18030() {
		for (String label : new String[] { "gb2312", "GBK", "cp936", "x-gbk", "euc-cn", "GB_2312-80" }) {
			assertThat(MailCharsets.forLabel(label)).as(label).isEqualTo(MailCharsets.GB18030);
		}
	}

	@Test
	void unlabelledBytesTryUtf8ThenGb18030ThenBig5() {
		assertThat(MailCharsets.decodeUnlabelled("越秀区".getBytes(StandardCharsets.UTF_8)).charset()).isEqualTo(StandardCharsets.UTF_8);
		var gbk = MailCharsets.decodeUnlabelled("越秀区喆".getBytes(Charset.forName("GBK")));
		assertThat(gbk.text()).isEqualTo("越秀区喆");
		assertThat(gbk.charset()).isEqualTo(MailCharsets.GB18030);
		assertThat(gbk.lossy()).isFalse();
	}

	@Test
	void aWrongLabelFallsBackToACleanDecode() {
		var decoded = MailCharsets.decode("越秀区".getBytes(Charset.forName("GBK")), "utf-8");
		assertThat(decoded.text()).isEqualTo("越秀区");
		assertThat(decoded.charset()).isEqualTo(MailCharsets.GB18030);
	}

	@Test
	void anUnknownLabelIsTreatedAsNoLabel() {
		assertThat(MailCharsets.forLabel("x-unknown-charset")).isNull();
		assertThat(MailCharsets.decode("报告".getBytes(StandardCharsets.UTF_8), "x-unknown-charset").text()).isEqualTo("报告");
	}
}
