package org.baosong.bulletins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.baosong.bulletins.BulletinContent.AlertRow;
import org.baosong.bulletins.BulletinContent.Line;
import org.baosong.bulletins.BulletinContent.SequenceTable;
import org.baosong.bulletins.BulletinContent.UnitRow;
import org.baosong.common.ConfigurationError;
import org.baosong.common.DocumentProperties;
import org.baosong.profile.PeriodKind;
import org.baosong.profile.ProfileFiles;

/**
 * The bulletin's files from a content made here (no database): Changchun's year normalised to 100 says how
 * in the DOCX and the workbook; the chart is a PNG of the table's units; the shipped template and templates an
 * office could get wrong; the snapshot reads back as it was written.
 */
class BulletinDocumentsTest {

	static final Path SHIPPED = Path.of("config", "templates", "docs", "bulletin.docx");

	static final String NORMALISED = "本期得分已折合为百分制：折合得分 = 100 × 本单位得分 ÷ 本序列最高得分（各序列分别折算，最高分单位为 100 分）。";

	@Test
	void changchunsYearIsNormalisedAndTheBulletinSaysHow() throws IOException {
		var changchun = ProfileFiles.read(Path.of("config/profiles/changchun-2012.yml"));
		assertThat(BulletinComputation.normalisation(changchun, PeriodKind.YEAR)).isEqualTo(NORMALISED);
		assertThat(BulletinComputation.normalisation(changchun, PeriodKind.QUARTER)).isNull();
		var guangzhou = ProfileFiles.read(Path.of("config/profiles/guangzhou-2005.yml"));
		assertThat(BulletinComputation.normalisation(guangzhou, PeriodKind.YEAR)).isNull();

		var content = content(NORMALISED);
		var edition = new Edition(2012, 4, LocalDate.of(2012, 12, 10), false, false);
		try (var doc = new XWPFDocument(new ByteArrayInputStream(BulletinDocx.write(Files.readAllBytes(SHIPPED), content, edition)))) {
			var texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
			assertThat(texts).contains("2012年第4期", "关于2012年度政务信息报送采用情况的通报", "一、部门序列", NORMALISED);
			assertThat(texts).anyMatch(t -> t.startsWith("本序列共 2 个单位；最高得分 100 分（区科技局）"));
			assertThat(texts).contains("（一）表扬（全年得分第一）：区科技局。", "（二）约稿未报送：区财政局 2 次。");
			assertThat(doc.getHeaderList()).allSatisfy(h -> assertThat(h.getText()).doesNotContain("草稿"));
			assertThat(doc.getTables()).singleElement().satisfies(t -> {
				assertThat(t.getRow(1).getCell(1).getText()).isEqualTo("区科技局");
				assertThat(t.getRow(1).getCell(8).getText()).isEqualTo("100");
				assertThat(t.getRow(2).getCell(8).getText()).isEqualTo("62.5");
				assertThat(t.getRow(2).getCell(10).getText()).isEqualTo("—");
			});
			assertThat(doc.getAllPictures()).hasSize(1);
		}
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(BulletinXlsx.write(content, edition, code -> "名称" + code)))) {
			var about = book.getSheet("说明");
			boolean found = false;
			for (int r = 0; r <= about.getLastRowNum(); r++) {
				if (about.getRow(r).getCell(0).getStringCellValue().equals("折算方法")) {
					assertThat(about.getRow(r).getCell(1).getStringCellValue()).isEqualTo(NORMALISED);
					found = true;
				}
			}
			assertThat(found).isTrue();
			var sheet = book.getSheet("部门序列");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains(NORMALISED);
			assertThat(sheet.getRow(3).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(book.getSheet("退回原因").getRow(3).getCell(3).getStringCellValue()).isEqualTo("名称SUBJECT_FORMAT");
			assertThat(book.getSheet("得分明细").getRow(3).getCell(4).getNumericCellValue()).isEqualTo(80.0);
		}
	}

	@Test
	void theChartIsAPngWithARowPerUnitAndNothingForAnEmptySequence() throws IOException {
		var sequence = content(null).sequences().get(0);
		var png = RankingChart.of(sequence, "2012年度").orElseThrow();
		var image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
		assertThat(image.getWidth()).isEqualTo(RankingChart.WIDTH * RankingChart.SCALE);
		assertThat(png.height()).isEqualTo(70 + 20 * 2);
		assertThat(RankingChart.of(new SequenceTable("empty", "空序列", "", List.of()), "2012年度")).isEmpty();
		// this machine has a CJK font (fonts-wqy-microhei here and in CI); without one the chart is drawn in sans-serif
		assertThat(RankingChart.font()).isNotEqualTo(java.awt.Font.SANS_SERIF);
	}

	@Test
	void theSnapshotReadsBackAsItWasWritten() {
		var content = content(NORMALISED);
		var stored = Snapshots.write(content);
		assertThat(Snapshots.read(stored.gzip())).isEqualTo(content);
		assertThat(stored.sha256()).hasSize(64).isEqualTo(Snapshots.write(content).sha256());
	}

	@Test
	void aDraftCarriesTheDraftMarkAndNoNumber() throws IOException {
		var draft = new Edition(null, null, LocalDate.of(2012, 12, 1), true, false);
		try (var doc = new XWPFDocument(new ByteArrayInputStream(BulletinDocx.write(Files.readAllBytes(SHIPPED), content(null), draft)))) {
			assertThat(doc.getHeaderList()).anySatisfy(h -> assertThat(h.getText()).contains("草稿"));
			assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText).contains("2012年第×期").noneMatch(t -> t.contains("百分制"));
		}
		assertThat(draft.filename(content(null), "docx")).isEqualTo("2012年度政务信息报送采用情况通报（草稿）.docx");
	}

	@Test
	void templatesThatCannotBeFilledAreRefusedWithTheReason(@TempDir Path dir) throws Exception {
		assertThatThrownBy(() -> BulletinTemplate.check(template(doc -> paragraph(doc, "{{title}}"))))
			.hasMessageContaining("no {{body}} paragraph");
		assertThatThrownBy(() -> BulletinTemplate.check(template(doc -> {
			paragraph(doc, "{{body}}");
			paragraph(doc, "{{bdoy}}");
		}))).hasMessageContaining("unknown placeholders: [{{bdoy}}]");
		assertThatThrownBy(() -> BulletinTemplate.check(template(doc -> paragraph(doc, "见下表：{{body}}"))))
			.hasMessageContaining("must stand alone");
		assertThatThrownBy(() -> BulletinTemplate.check("not a document".getBytes())).hasMessageContaining("not a DOCX");
		// a placeholder Word split over runs is still one placeholder
		BulletinTemplate.check(template(doc -> {
			paragraph(doc, "{{ti", "tle}}");
			paragraph(doc, "{{bo", "dy}}");
		}));

		assertThatThrownBy(() -> new BulletinTemplates(new DocumentProperties(dir))).isInstanceOf(ConfigurationError.class)
			.hasMessageContaining("baosong.documents.templates").hasMessageContaining("missing");
		Files.write(dir.resolve("bulletin.docx"), template(doc -> paragraph(doc, "{{period}}")));
		assertThatThrownBy(() -> new BulletinTemplates(new DocumentProperties(dir))).isInstanceOf(ConfigurationError.class)
			.hasMessageContaining("bulletin.docx").hasMessageContaining("no {{body}}");
		Files.copy(SHIPPED, dir.resolve("bulletin.docx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		assertThat(new BulletinTemplates(new DocumentProperties(dir)).read()).isEqualTo(Files.readAllBytes(SHIPPED));
	}

	/** Changchun's year: 区科技局 normalised to 100 (80 before), 区财政局 to 62.5 (two commissions missing, praise for the first). */
	static BulletinContent content(String normalisation) {
		var lines = List.of(new Line(1, "2012-03", new BigDecimal("80.00"), "base", "PERIOD_CLOSE", "基础分 80", null, false),
				new Line(2, "2012-11", new BigDecimal("20.00"), "normalisation", "PERIOD_CLOSE", "折合百分制 +20", null, false));
		var first = new UnitRow(1, "K01", "区科技局", 30, 2, Map.of("SUBJECT_FORMAT", 2L), 28, Map.of("GXXX", 12L), 12, 1, 0, 0, 0, 0, 0,
				new BigDecimal("100.00"), null, null, null, null, 1, lines);
		var second = new UnitRow(2, "K02", "区财政局", 20, 0, Map.of(), 20, Map.of(), 0, 0, 0, 0, 0, 0, 2, new BigDecimal("62.50"), null, null, null,
				null, 2, List.of());
		var sequence = new SequenceTable("dept", "部门序列", "", List.of(first, second));
		return new BulletinContent("changchun-2012", "长春高新区政务信息考核办法", "长春高新区管委会办公室", "YEAR", "2012", "2012年度", LocalDate.of(2012, 1, 1),
				LocalDate.of(2012, 11, 30), true, Instant.parse("2012-12-05T02:00:00Z"), 120, new BigDecimal("162.50"), null, normalisation,
				List.of(new BulletinContent.Journal("GXXX", "高新信息")), List.of(sequence),
				List.of(new AlertRow(1, "区科技局", "dept", "PRAISE", true, "全年得分第一"),
						new AlertRow(2, "区财政局", "dept", "COMMISSION_MISSING", false, "约稿未报送 2 次")));
	}

	private static byte[] template(Consumer<XWPFDocument> body) throws IOException {
		try (var doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
			body.accept(doc);
			doc.write(out);
			return out.toByteArray();
		}
	}

	private static void paragraph(XWPFDocument doc, String... runs) {
		var p = doc.createParagraph();
		for (String run : runs) {
			p.createRun().setText(run);
		}
	}
}
