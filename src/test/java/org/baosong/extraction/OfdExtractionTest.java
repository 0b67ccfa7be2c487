package org.baosong.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfdExtractionTest {

	@TempDir
	Path dir;

	static final List<List<String>> PAGES = List.of(
			List.of("机密★1年", "关于推进政务公开标准化规范化工作的通知", "各镇人民政府，区政府各部门：", "为深入贯彻落实国务院办公厅要求，现就有关事项通知如下。"),
			List.of("一、全面梳理政务公开事项清单，做到应公开尽公开。", "二、健全政务公开工作机制，压实责任。"));

	@Test
	void readsTitleTextPagesAndTemplateHeaderOfAnOfd() {
		Extractors extractors = new Extractors(dir);
		byte[] ofd = OfdSamples.ofd("关于推进政务公开标准化规范化工作的通知", "××区人民政府办公室文件", PAGES);

		ExtractedText text = extractors.inProcess().extract(extractors.store(ofd), "application/octet-stream", "通知.bin");

		assertThat(text.status()).as(text.warnings().toString()).isEqualTo(ExtractionStatus.OK);
		assertThat(text.detectedType()).isEqualTo("application/ofd");
		assertThat(text.title()).isEqualTo("关于推进政务公开标准化规范化工作的通知");
		assertThat(text.pageCount()).isEqualTo(2);
		assertThat(text.text()).contains("为深入贯彻落实国务院办公厅要求，现就有关事项通知如下。")
			.contains("二、健全政务公开工作机制，压实责任。")
			.doesNotContain("××区人民政府办公室文件");
		assertThat(text.firstPage()).startsWith("机密★1年\n").doesNotContain("二、健全");
		assertThat(text.headerFooter()).isEqualTo("××区人民政府办公室文件");
		assertThat(text.complete()).isTrue();
	}

	@Test
	void withoutATitlePropertyTheFirstLineIsTheTitle() {
		Extractors extractors = new Extractors(dir);
		byte[] ofd = OfdSamples.ofd(null, null, List.of(List.of("市统计局一季度经济运行简况", "一季度全市地区生产总值同比增长5.2%。")));

		ExtractedText text = extractors.inProcess().extract(extractors.store(ofd), "application/ofd", "a.ofd");

		assertThat(text.title()).isEqualTo("市统计局一季度经济运行简况");
		assertThat(text.headerFooter()).isEmpty();
	}

	@Test
	void isRegisteredWithTikaLikeAnyOtherParser() throws Exception {
		byte[] ofd = OfdSamples.ofd("标题", null, PAGES);
		BodyContentHandler handler = new BodyContentHandler();
		Metadata metadata = new Metadata();

		new AutoDetectParser().parse(TikaInputStream.get(new ByteArrayInputStream(ofd)), handler, metadata);

		assertThat(metadata.get(Metadata.CONTENT_TYPE)).isEqualTo("application/ofd");
		assertThat(handler.toString()).contains("一、全面梳理政务公开事项清单");
	}

	@Test
	void aDamagedOfdFailsWithAReason() {
		Extractors extractors = new Extractors(dir);
		byte[] broken = OfdSamples.zip(java.util.Map.of("OFD.xml", "<ofd:OFD xmlns:ofd=\"" + OfdSamples.NS
				+ "\"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"));

		ExtractedText text = extractors.inProcess().extract(extractors.store(broken), "application/ofd", "a.ofd");

		assertThat(text.status()).isEqualTo(ExtractionStatus.FAILED);
		assertThat(text.warnings()).anySatisfy(w -> assertThat(w).contains("Doc_0/Document.xml"));
	}
}
