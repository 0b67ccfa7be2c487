package org.baosong.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** .txt and .html reports in the charsets Chinese offices save them in, none declared in the mail. */
class PlainTextCharsetTest {

	static final String SIMPLIFIED = "关于我区农村生活污水治理情况的调研报告\n已建成农村生活污水处理设施132处，喆、堃、玥、镕等生僻字姓名的村干部均参加了培训。";

	static final String TRADITIONAL = "關於本區農村生活污水治理情況的調研報告\n已建成農村生活污水處理設施132處，覆蓋率達到百分之八十四點六。";

	@TempDir
	Path dir;

	Extractors extractors;

	@BeforeEach
	void setUp() {
		extractors = new Extractors(dir);
	}

	@ParameterizedTest(name = "txt in {0}")
	@CsvSource({ "UTF-8, s", "GB18030, s", "GBK, s", "Big5, t", "UTF-8, t" })
	void plainText(String charset, String which) {
		String content = which.equals("s") ? SIMPLIFIED : TRADITIONAL;
		ExtractedText text = extractors.inProcess()
			.extract(extractors.store(content.getBytes(Charset.forName(charset))), "text/plain", "report.txt");

		assertThat(text.status()).isEqualTo(ExtractionStatus.OK);
		assertThat(text.detectedType()).isEqualTo("text/plain");
		assertThat(text.text()).isEqualTo(content);
		assertThat(text.title()).isEqualTo(content.lines().findFirst().orElseThrow());
	}

	@ParameterizedTest(name = "html in {0} declared {1}")
	@CsvSource({ "GB18030, gb2312", "UTF-8, utf-8", "GB18030, ''", "Big5, big5" })
	void html(String charset, String declared) {
		String meta = declared.isEmpty() ? "" : "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=" + declared + "\">";
		String body = charset.equals("Big5") ? TRADITIONAL : SIMPLIFIED;
		String[] lines = body.split("\n");
		String html = "<html><head>" + meta + "<title>" + lines[0] + "</title></head><body><h1>" + lines[0]
				+ "</h1><p>" + lines[1] + "</p></body></html>";

		ExtractedText text = extractors.inProcess()
			.extract(extractors.store(html.getBytes(Charset.forName(charset))), "text/html", "report.html");

		assertThat(text.status()).isEqualTo(ExtractionStatus.OK);
		assertThat(text.title()).isEqualTo(lines[0]);
		assertThat(text.text()).contains(lines[1]);
	}
}
