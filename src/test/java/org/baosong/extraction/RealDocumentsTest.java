package org.baosong.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real documents of /work/shared/fixtures/documents (LibreOffice Writer, Chinese content), in
 * every format we accept, with the title and phrases their README names. Phrases are compared
 * with whitespace removed: PDF extraction breaks lines inside sentences.
 */
class RealDocumentsTest {

	@TempDir
	static Path dir;

	static Extractors extractors;

	static TextExtractor extractor;

	@BeforeAll
	static void setUp() {
		extractors = new Extractors(dir);
		extractor = extractors.inProcess();
	}

	static final String TITLE1 = "越秀区多措并举推进老旧小区改造惠及3万户居民";

	static final String TITLE2 = "市交委优化公交线网提升市民出行体验";

	static final String TITLE3 = "关于我区农村生活污水治理情况的调研报告";

	static final List<String> PHRASES1 = List.of("惠及居民3.1万户", "累计召开居民议事会286场", "居委会+业委会+物业");

	static final List<String> PHRASES2 = List.of("优化调整公交线路37条", "平均候车时间缩短3.2分钟", "满意度达到91.3分");

	static final List<String> PHRASES3 = List.of("已建成农村生活污水处理设施132处", "喆、堃、玥、镕", "县级统筹、镇级监管、村级落实");

	static Stream<Arguments> documents() {
		return Stream.of("doc", "docx", "odt", "pdf", "rtf").flatMap(ext -> Stream.of(
				Arguments.of("report1." + ext, TITLE1, PHRASES1), Arguments.of("report2." + ext, TITLE2, PHRASES2),
				Arguments.of("report3." + ext, TITLE3, PHRASES3)))
			.filter(a -> !a.get()[0].equals("report3.odt") && !a.get()[0].equals("report3.rtf"))
			.map(a -> a);
	}

	static Stream<Arguments> allDocuments() {
		return Stream.concat(documents(), Stream.of(Arguments.of("report3.wps", TITLE3, PHRASES3)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("allDocuments")
	void extractsTitleAndPhrases(String file, String title, List<String> phrases) {
		ExtractedText text = extractor.extract(extractors.storeResource(file), "application/octet-stream", file);

		assertThat(text.status()).as(text.warnings().toString()).isEqualTo(ExtractionStatus.OK);
		assertThat(text.title()).isEqualTo(title);
		String comparable = ExtractedText.comparable(text.text());
		assertThat(phrases).allSatisfy(p -> assertThat(comparable).contains(ExtractedText.comparable(p)));
		assertThat(text.complete()).isTrue();
		assertThat(text.charCount()).isGreaterThan(100);
		assertThat(ExtractedText.comparable(text.firstPage())).contains(ExtractedText.comparable(title));
		assertThat(text.textLayer()).isTrue();
	}

	/** A Word template (.dotx) is a document like any other: report1.docx saved as a template. */
	@org.junit.jupiter.api.Test
	void aDotxTemplateIsReadAsADocument() throws Exception {
		byte[] docx = HostileFiles.resource("report1.docx");
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx));
				var zip = new java.util.zip.ZipOutputStream(out)) {
			for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null;) {
				byte[] bytes = in.readAllBytes();
				if (e.getName().equals("[Content_Types].xml")) {
					bytes = new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
						.replace("wordprocessingml.document.main+xml", "wordprocessingml.template.main+xml")
						.getBytes(java.nio.charset.StandardCharsets.UTF_8);
				}
				zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
				zip.write(bytes);
				zip.closeEntry();
			}
		}

		ExtractedText text = extractor.extract(extractors.store(out.toByteArray()), "application/octet-stream", "模板.dotx");

		assertThat(text.status()).isEqualTo(ExtractionStatus.OK);
		assertThat(text.detectedType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.template");
		assertThat(text.title()).isEqualTo(TITLE1);
	}

	/**
	 * A Word 97 template (.dot): report1.doc with the template flag (fDot, bit 0 of the FIB flags at offset
	 * 0x0A of the WordDocument stream) set; and a WPS template (.wpt), the same compound-file layout as .wps.
	 */
	@org.junit.jupiter.api.Test
	void wordAndWpsTemplatesAreReadAsDocuments() throws Exception {
		byte[] doc = HostileFiles.resource("report1.doc");
		var out = new java.io.ByteArrayOutputStream();
		try (var fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem(new java.io.ByteArrayInputStream(doc))) {
			byte[] word;
			try (var in = fs.createDocumentInputStream("WordDocument")) {
				word = in.readAllBytes();
			}
			word[0x0A] |= 0x01;
			fs.getRoot().getEntry("WordDocument").delete();
			fs.createDocument(new java.io.ByteArrayInputStream(word), "WordDocument");
			fs.writeFilesystem(out);
		}
		ExtractedText dot = extractor.extract(extractors.store(out.toByteArray()), "application/octet-stream", "模板.dot");
		assertThat(dot.status()).as(dot.warnings().toString()).isEqualTo(ExtractionStatus.OK);
		assertThat(dot.title()).isEqualTo(TITLE1);

		ExtractedText wpt = extractor.extract(extractors.store(HostileFiles.resource("report3.wps")), "application/octet-stream", "模板.wpt");
		assertThat(wpt.status()).isEqualTo(ExtractionStatus.OK);
		assertThat(ExtractedText.comparable(wpt.text())).contains(ExtractedText.comparable(PHRASES3.get(0)));
	}
}
