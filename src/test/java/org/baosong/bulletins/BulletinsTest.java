package org.baosong.bulletins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.baosong.archive.BlobStore;
import org.baosong.profile.PeriodKind;
import org.baosong.scoring.LedgerLine;
import org.baosong.scoring.PeriodCloses;
import org.baosong.scoring.PeriodRef;
import org.baosong.scoring.Scores;
import org.baosong.scoring.Standing;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.Soffice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The worked example of spec/scoring.md as a bulletin: 越秀区 and its neighbours in Guangzhou's 2026-Q1 (1 Dec
 * 2025 – 28 Feb 2026). The bulletin's XLSX and DOCX are read back with POI and compared with the ledger's read
 * API (every unit's score and rank in every sequence); 越秀区's explanation lists its ledger lines; publishing
 * archives the files with the snapshot and queues one mail per informant; a later change of the ledger leaves
 * the published bulletin as it was and shows in the next one's differences.
 */
@GatewayTest(properties = { "baosong.demo.enabled=true", "baosong.replies.send-interval=300ms" })
@AutoConfigureMockMvc // only to share the context of the bulletin pages tests
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulletinsTest {

	static final PeriodRef Q1 = new PeriodRef(PeriodKind.QUARTER, "2026-Q1");

	static final String PROFILE = BulletinTestData.PROFILE;

	@Autowired
	ApplicationContext context;

	@Autowired
	Bulletins bulletins;

	@Autowired
	Scores scores;

	@Autowired
	PeriodCloses closes;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BlobStore blobs;

	BulletinTestData f;

	long yuexiu;

	long draftId;

	long publishedId;

	/** 越秀区's worked example, and a little for its neighbours: 荔湾区 an adoption and two rejections, 海珠区 a missing commission. */
	@Test
	@Order(1)
	void theWorkedExampleIsInTheLedger() {
		f = BulletinTestData.of(context);
		yuexiu = f.unit("D01");
		LocalDate received = LocalDate.of(2025, 12, 2);
		long a = f.inReview("D01", received);
		long b = f.inReview("D01", received);
		long c = f.inReview("D01", received);
		long d = f.inReview("D01", received);
		long e = f.inReview("D01", received);
		long zb = f.inReview("D01", received);
		long late = f.submission("D01", "动态", LocalDate.of(2026, 2, 1));
		f.publish("SFXX", 2026, LocalDate.of(2025, 12, 15), "标题信息", a, b, c);
		f.instruction(a, LocalDate.of(2025, 12, 20), "city-leader", "SFXX");
		f.publish("SFXX", 2026, LocalDate.of(2026, 1, 8), "短波信息", d, e);
		f.publish("SFZB", 2026, LocalDate.of(2026, 1, 10), "专报", zb);
		f.upstream(zb, LocalDate.of(2026, 1, 20), "province", true);
		f.upstream(zb, LocalDate.of(2026, 2, 10), "state-council", false);
		f.commission("COMMISSION_LATE", LocalDate.of(2026, 2, 1), yuexiu, late, "YG-2026-01");

		long liwan = f.inReview("D02", LocalDate.of(2026, 1, 5));
		f.publish("SFXX", 2026, LocalDate.of(2026, 1, 20), "标题信息", liwan);
		f.rejected("D02", LocalDate.of(2026, 1, 6), "SUBJECT_FORMAT");
		f.rejected("D02", LocalDate.of(2026, 1, 7), "SUBJECT_FORMAT,PHONE_INVALID");
		// not in 荔湾区's intake: ignored, of no unit, after the quarter
		f.ignored("D02", LocalDate.of(2026, 1, 8));
		f.rejectedUnknown(LocalDate.of(2026, 1, 8), "SUBJECT_FORMAT");
		f.rejected("D02", LocalDate.of(2026, 4, 1), "PHONE_INVALID");
		f.commission("COMMISSION_MISSING", LocalDate.of(2026, 2, 20), f.unit("D03"), null, "YG-2026-01");

		assertThat(scores.totals(PROFILE, Q1).get(yuexiu).points()).isEqualByComparingTo("39");
	}

	@Test
	@Order(2)
	void anOpenPeriodsBulletinIsADraftThatCannotBePublished() {
		long id = bulletins.generate(new Bulletins.Request(PROFILE, "QUARTER", "2026-Q1", List.of()), "editor1");
		Bulletin draft = BulletinTestData.generated(bulletins, id);
		assertThat(draft.state()).isEqualTo(Bulletin.DRAFT);
		assertThat(draft.progressDone()).isEqualTo(draft.progressTotal()).isEqualTo(130);
		var content = bulletins.content(id).orElseThrow();
		assertThat(content.closed()).isFalse();
		assertThat(content.alerts()).extracting(BulletinContent.AlertRow::kind).containsOnly("COMMISSION_LATE", "COMMISSION_MISSING");
		assertThatThrownBy(() -> bulletins.publish(id, "admin")).isInstanceOfSatisfying(Bulletins.Refused.class,
				r -> assertThat(r.code()).isEqualTo("PERIOD_OPEN"));
	}

	@Test
	@Order(3)
	void theClosedQuartersBulletinHasEveryUnitAsTheLedgerHasIt() {
		closes.close(PROFILE, Q1, "admin1", false);
		draftId = bulletins.generate(new Bulletins.Request(PROFILE, "QUARTER", "2026-Q1", null), "editor1");
		assertThat(BulletinTestData.generated(bulletins, draftId).state()).isEqualTo(Bulletin.DRAFT);
		var content = bulletins.content(draftId).orElseThrow();
		assertThat(content.closed()).isTrue();
		assertThat(content.periodLabel()).isEqualTo("2026年度第1季度");
		assertThat(content.sequences()).extracting(BulletinContent.SequenceTable::code)
			.containsExactly("district", "dept-a", "dept-b", "direct-a", "direct-b");

		List<Standing> standings = scores.standings(PROFILE, Q1);
		assertThat(rows(content)).extracting(r -> r.unitId(), r -> r.points().stripTrailingZeros(), r -> r.rank(), r -> r.met(), r -> r.accepted())
			.containsExactlyElementsOf(standings.stream()
				.map(s -> tuple(s.unitId(), s.points().stripTrailingZeros(), s.rank(), s.met(), s.submissions())).toList());

		var district = content.sequences().get(0);
		assertThat(district.targets()).isEqualTo("季度得分指标 18 分");
		var y = content.unit(yuexiu).orElseThrow();
		assertThat(y.rank()).isEqualTo(1);
		assertThat(y.points()).isEqualByComparingTo("39");
		assertThat(y.completion()).isEqualByComparingTo("216.7");
		assertThat(y.met()).isTrue();
		assertThat(y.adoptions()).containsEntry("SFXX", 5L).containsEntry("SFZB", 1L);
		assertThat(y.adopted()).isEqualTo(6);
		assertThat(y.instructions()).isEqualTo(1);
		assertThat(y.upstreamAdoptions()).isEqualTo(2);
		assertThat(y.commissionsLate()).isEqualTo(1);
		assertThat(y.accepted()).isEqualTo(7);
		assertThat(y.received()).isEqualTo(7);

		var liwan = content.unit(f.unit("D02")).orElseThrow();
		assertThat(liwan.received()).isEqualTo(3);
		assertThat(liwan.rejected()).isEqualTo(2);
		assertThat(liwan.rejectedByReason()).containsExactlyInAnyOrderEntriesOf(Map.of("SUBJECT_FORMAT", 2L, "PHONE_INVALID", 1L));
		assertThat(liwan.points()).isEqualByComparingTo("2");
		assertThat(liwan.rank()).isEqualTo(2);

		// the alerts: the other eleven districts missed 18; 海珠区 missed a commission; 越秀区 answered one late
		assertThat(content.alerts()).filteredOn(a -> a.kind().equals("MISSED_TARGET") && a.sequenceCode().equals("district")).hasSize(11)
			.noneMatch(a -> a.unitId() == yuexiu);
		assertThat(content.alerts()).filteredOn(a -> a.kind().startsWith("COMMISSION"))
			.extracting(BulletinContent.AlertRow::unitName, BulletinContent.AlertRow::text)
			.containsExactlyInAnyOrder(tuple("越秀区政府", "约稿逾期报送 1 次"), tuple("海珠区政府", "约稿未报送 1 次"));
	}

	/** 越秀区's explanation is its ledger: every line as Scores lists it, the seven items of the worked example standing. */
	@Test
	@Order(4)
	void yuexiusExplanationListsItsLedgerLines() {
		var y = bulletins.content(draftId).orElseThrow().unit(yuexiu).orElseThrow();
		List<LedgerLine> ledger = scores.lines(PROFILE, yuexiu, Q1).stream().filter(l -> !l.quantity()).toList();
		assertThat(y.lines()).extracting(BulletinContent.Line::id, BulletinContent.Line::points, BulletinContent.Line::explanation)
			.containsExactlyElementsOf(ledger.stream().map(l -> tuple(l.id(), l.points(), l.explanation())).toList());
		assertThat(y.lines().stream().map(BulletinContent.Line::points).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("39");
		// what stands: 3 × 标题信息 2, 市领导批示 8, 2 × 短波信息 1, 专报 8, 国办采用 20 (the 省办 15 it bettered is reversed), 约稿逾期 -5
		assertThat(y.lines()).filteredOn(l -> l.standing() && l.points().signum() != 0)
			.extracting(l -> l.points().stripTrailingZeros().toPlainString(), BulletinContent.Line::ruleId)
			.containsExactly(tuple("2", "placement:sfxx-title"), tuple("2", "placement:sfxx-title"), tuple("2", "placement:sfxx-title"),
					tuple("8", "instruction:sfxx-city-leader"), tuple("1", "placement:sfxx-short"), tuple("1", "placement:sfxx-short"),
					tuple("8", "placement:sfzb"), tuple("20", "upstream:state-council"), tuple("-5", "commission:late"));
		assertThat(y.lines()).filteredOn(l -> !l.standing()).extracting(l -> l.points().stripTrailingZeros().toPlainString())
			.containsExactly("15", "-15");
		assertThat(y.lines()).last().satisfies(l -> assertThat(l.explanation()).isEqualTo("2026年度第1季度得分 39（指标 18 分）：完成"));
	}

	@Test
	@Order(5)
	void theWorkbookHasASheetPerSequenceWithNumbersAsTheLedgerHasThem() throws Exception {
		var exported = bulletins.xlsx(draftId).orElseThrow();
		assertThat(exported.filename()).isEqualTo("2026年度第1季度政务信息报送采用情况通报（草稿）.xlsx");
		save(exported);
		List<Standing> standings = scores.standings(PROFILE, Q1);
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(exported.content()))) {
			var names = new ArrayList<String>();
			book.forEach(sheet -> names.add(sheet.getSheetName()));
			assertThat(names).containsExactly("说明", "区（县级市）序列", "工作部门序列A类", "工作部门序列B类", "直报点序列A类", "直报点序列B类", "通报事项", "退回原因",
					"得分明细");
			var fromSheets = new ArrayList<Object>();
			for (int s = 1; s <= 5; s++) {
				Sheet sheet = book.getSheetAt(s);
				Row header = sheet.getRow(2);
				assertThat(header.getCell(0).getStringCellValue()).isEqualTo("名次");
				int pointsColumn = column(header, "得分");
				for (int r = 3; r <= sheet.getLastRowNum(); r++) {
					Row row = sheet.getRow(r);
					assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
					assertThat(row.getCell(pointsColumn).getCellType()).isEqualTo(CellType.NUMERIC);
					fromSheets.add(tuple(row.getCell(2).getStringCellValue(), (int) row.getCell(0).getNumericCellValue(),
							BigDecimal.valueOf(row.getCell(pointsColumn).getNumericCellValue()).stripTrailingZeros()));
				}
			}
			assertThat(fromSheets).containsExactlyElementsOf(standings.stream()
				.map(st -> tuple(st.unitCode(), st.rank(), st.points().stripTrailingZeros())).toList());

			Sheet district = book.getSheet("区（县级市）序列");
			Row yuexiuRow = district.getRow(3);
			Row header = district.getRow(2);
			assertThat(yuexiuRow.getCell(1).getStringCellValue()).isEqualTo("越秀区政府");
			assertThat(yuexiuRow.getCell(column(header, "穗府信息采用")).getNumericCellValue()).isEqualTo(5);
			assertThat(yuexiuRow.getCell(column(header, "穗府信息专报采用")).getNumericCellValue()).isEqualTo(1);
			assertThat(yuexiuRow.getCell(column(header, "完成率（%）")).getNumericCellValue()).isEqualTo(216.7);
			assertThat(yuexiuRow.getCell(column(header, "完成情况")).getStringCellValue()).isEqualTo("完成");

			Sheet lines = book.getSheet("得分明细");
			BigDecimal sum = BigDecimal.ZERO;
			var explanations = new ArrayList<String>();
			for (int r = 3; r <= lines.getLastRowNum(); r++) {
				Row row = lines.getRow(r);
				if (row.getCell(1).getStringCellValue().equals("越秀区政府")) {
					sum = sum.add(BigDecimal.valueOf(row.getCell(4).getNumericCellValue()));
					explanations.add(row.getCell(7).getStringCellValue());
				}
			}
			assertThat(sum).isEqualByComparingTo("39");
			assertThat(explanations).hasSize(12).anyMatch(x -> x.startsWith("国务院办公厅采用（无领导批示）（取最高加分值） +20"));

			Sheet reasons = book.getSheet("退回原因");
			var rejected = new HashMap<String, Double>();
			for (int r = 3; r <= reasons.getLastRowNum(); r++) {
				rejected.put(reasons.getRow(r).getCell(3).getStringCellValue(), reasons.getRow(r).getCell(4).getNumericCellValue());
			}
			assertThat(rejected).containsExactlyInAnyOrderEntriesOf(Map.of("邮件主题格式不对", 2.0, "联系电话格式不对", 1.0));
			assertThat(book.getSheet("通报事项").getLastRowNum()).isEqualTo(2 + content().alerts().size());
		}
	}

	@Test
	@Order(6)
	void theDocumentHasTheRankingTableAndAChartPerSequence() throws Exception {
		var exported = bulletins.docx(draftId).orElseThrow();
		assertThat(exported.filename()).endsWith("（草稿）.docx");
		Path file = save(exported);
		List<Standing> standings = scores.standings(PROFILE, Q1);
		try (var doc = new XWPFDocument(new ByteArrayInputStream(exported.content()))) {
			var texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
			assertThat(texts).contains("政务信息工作通报", "2026年第×期", "关于2026年度第1季度政务信息报送采用情况的通报", "一、区（县级市）序列", "六、通报事项",
					"七、有关说明");
			assertThat(texts).noneMatch(t -> t.contains("{{"));
			assertThat(doc.getHeaderList()).anySatisfy(h -> assertThat(h.getText()).contains("草稿"));
			assertThat(texts).anyMatch(t -> t.startsWith("本序列共 12 个单位，完成工作指标 1 个，未完成 11 个；最高得分 39 分（越秀区政府）"));
			assertThat(texts).anyMatch(t -> t.startsWith("（一）通报批评（未完成季度工作指标") && t.contains("荔湾区政府"));
			assertThat(texts).noneMatch(t -> t.contains("百分制"));
			assertThat(doc.getAllPictures()).hasSize(5);

			var fromTables = new ArrayList<Object>();
			for (XWPFTable table : doc.getTables()) {
				assertThat(table.getRow(0).getCell(0).getText()).isEqualTo("名次");
				for (XWPFTableRow row : table.getRows().subList(1, table.getRows().size())) {
					fromTables.add(tuple(row.getCell(1).getText(), Integer.parseInt(row.getCell(0).getText()), new BigDecimal(row.getCell(8).getText())
						.stripTrailingZeros()));
				}
			}
			assertThat(fromTables).containsExactlyElementsOf(standings.stream()
				.map(s -> tuple(s.unitName(), s.rank(), s.points().stripTrailingZeros())).toList());
		}
		// LibreOffice opens and lays it out (fails in CI without soffice, skipped here without it)
		Path pdf = Soffice.toPdf(file, Path.of("target", "bulletins", "pdf"));
		try (var document = Loader.loadPDF(pdf.toFile())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("政务信息工作通报").contains("越秀区政府").contains("通报事项");
		}
	}

	@Test
	@Order(7)
	void publishingArchivesTheFilesAndMailsEveryInformantOnce() throws Exception {
		var published = bulletins.publish(draftId, "admin");
		publishedId = draftId;
		Bulletin b = published.bulletin();
		assertThat(b.state()).isEqualTo(Bulletin.PUBLISHED);
		assertThat(b.issueNo()).isEqualTo(1);
		assertThat(b.issueYear()).isEqualTo(2026);
		assertThat(b.publishedBy()).isEqualTo("admin");
		assertThat(blobs.exists(b.xlsxSha256())).isTrue();
		assertThat(blobs.exists(b.docxSha256())).isTrue();

		int addresses = jdbc.queryForObject("SELECT COUNT(*) FROM informant i JOIN unit u ON u.id = i.unit_id WHERE i.active AND u.active", Integer.class);
		assertThat(published.mails()).isEqualTo(addresses).isEqualTo(130);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbound_mail WHERE kind = 'BULLETIN' AND dedup_key LIKE ?", Integer.class,
				"bulletin:" + draftId + ":%")).isEqualTo(130);
		assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT to_addr) FROM outbound_mail WHERE kind = 'BULLETIN' AND dedup_key LIKE ?",
				Integer.class, "bulletin:" + draftId + ":%")).isEqualTo(130);
		// this bulletin's mail (other tests of the context publish bulletins of their own)
		String body = jdbc.queryForObject("SELECT body_text FROM outbound_mail WHERE kind = 'BULLETIN' AND to_addr = ? AND dedup_key LIKE ?",
				String.class, "xxb.d01@demo.baosong.test", "bulletin:" + draftId + ":%");
		String subject = jdbc.queryForObject("SELECT subject FROM outbound_mail WHERE kind = 'BULLETIN' AND to_addr = ? AND dedup_key LIKE ?",
				String.class, "xxb.d01@demo.baosong.test", "bulletin:" + draftId + ":%");
		assertThat(subject).isEqualTo("【通报】2026年度第1季度政务信息报送采用情况通报（2026年第1期，越秀区政府）");
		assertThat(body).contains("越秀区政府（王明同志）", "本期得分：39 分，在本序列 12 个单位中排第 1 名", "+20  国务院办公厅采用（无领导批示）（取最高加分值）",
				"+15  省政府办公厅采用（有领导批示） +15", "（已撤销）", "-5  约稿 YG-2026-01 逾期报送 -5", "第 1 名  越秀区政府  39 分（完成）", "批评：约稿逾期报送 1 次");
		assertThat(body).doesNotContain("[(").doesNotContain("${");

		// publishing twice is refused; the published files are the archived ones, byte for byte
		assertThatThrownBy(() -> bulletins.publish(draftId, "admin")).isInstanceOfSatisfying(Bulletins.Refused.class,
				r -> assertThat(r.code()).isEqualTo("NOT_DRAFT"));
		assertThat(bulletins.docx(draftId).orElseThrow().content()).isEqualTo(blobs.open(b.docxSha256()).orElseThrow().readAllBytes());
		assertThat(bulletins.xlsx(draftId).orElseThrow().filename()).isEqualTo("2026年度第1季度政务信息报送采用情况通报（2026年第1期）.xlsx");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'bulletin.publish' AND target_id = ?", Integer.class,
				String.valueOf(draftId))).isEqualTo(1);
	}

	@Test
	@Order(8)
	void aLaterLedgerChangeLeavesThePublishedBulletinAndShowsInTheNextOnesDifferences() throws Exception {
		byte[] before = jdbc.queryForObject("SELECT snapshot FROM bulletin WHERE id = ?", byte[].class, publishedId);
		String docxBefore = bulletins.find(publishedId).orElseThrow().docxSha256();
		var linesBefore = bulletins.unit(publishedId, yuexiu).orElseThrow().unit(yuexiu).orElseThrow().lines();
		// 越秀区 is criticized by an upper office in the quarter (-10): the ledger of the closed quarter changes
		f.penalty(yuexiu, LocalDate.of(2026, 2, 25), "upper-criticism");
		assertThat(scores.totals(PROFILE, Q1).get(yuexiu).points()).isEqualByComparingTo("29");

		var content = bulletins.content(publishedId).orElseThrow();
		assertThat(content.unit(yuexiu).orElseThrow().points()).isEqualByComparingTo("39");
		// the explanation is the ledger up to the bulletin's watermark: without the penalty written after it
		assertThat(content.ledgerWatermark()).isNotNull();
		assertThat(content.unit(yuexiu).orElseThrow().lines()).isEqualTo(linesBefore);
		assertThat(content.unit(yuexiu).orElseThrow().lines()).hasSize(scores.lines(PROFILE, yuexiu, Q1).stream().filter(l -> !l.quantity()).toList()
				.size() - 1);
		assertThat(bulletins.unit(publishedId, yuexiu).orElseThrow().unit(yuexiu).orElseThrow().lines()).isEqualTo(linesBefore);
		assertThat(jdbc.queryForObject("SELECT snapshot FROM bulletin WHERE id = ?", byte[].class, publishedId)).isEqualTo(before);
		assertThat(bulletins.find(publishedId).orElseThrow().docxSha256()).isEqualTo(docxBefore);
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(bulletins.xlsx(publishedId).orElseThrow().content()))) {
			Row header = book.getSheet("区（县级市）序列").getRow(2);
			assertThat(book.getSheet("区（县级市）序列").getRow(3).getCell(column(header, "得分")).getNumericCellValue()).isEqualTo(39.0);
		}

		long again = bulletins.generate(new Bulletins.Request(PROFILE, "QUARTER", "2026-Q1", List.of()), "editor1");
		assertThat(BulletinTestData.generated(bulletins, again).state()).isEqualTo(Bulletin.DRAFT);
		assertThat(bulletins.publishedBefore(again)).map(Bulletin::id).hasValue(publishedId);
		assertThat(bulletins.differences(again)).extracting(BulletinDifference::unitName, BulletinDifference::what, BulletinDifference::before,
				BulletinDifference::after).contains(tuple("越秀区政府", "POINTS", "39", "29"));

		// a draft computed before the ledger changed again is stale: publishing it is refused
		f.penalty(f.unit("D02"), LocalDate.of(2026, 2, 26), "upper-criticism");
		assertThatThrownBy(() -> bulletins.publish(again, "admin")).isInstanceOfSatisfying(Bulletins.Refused.class,
				r -> assertThat(r.code()).isEqualTo("DRAFT_STALE"));

		// generated again, it is published as a correction: 第2期, mails say 更正
		long correction = bulletins.generate(new Bulletins.Request(PROFILE, "QUARTER", "2026-Q1", List.of()), "editor1");
		BulletinTestData.generated(bulletins, correction);
		var published = bulletins.publish(correction, "admin");
		assertThat(published.bulletin().issueNo()).isEqualTo(2);
		assertThat(published.bulletin().correctsId()).isEqualTo(publishedId);
		assertThat(jdbc.queryForObject("SELECT subject FROM outbound_mail WHERE kind = 'BULLETIN' AND dedup_key = ?", String.class,
				"bulletin:" + correction + ":xxb.d01@demo.baosong.test")).startsWith("【通报更正】2026年度第1季度政务信息报送采用情况通报（更正）（2026年第2期");
	}

	@Test
	@Order(9)
	void requestsThatCannotBeGeneratedAreRefusedWithTheirReason() {
		assertThatThrownBy(() -> bulletins.generate(new Bulletins.Request("nowhere", "QUARTER", "2026-Q1", null), "editor1"))
			.isInstanceOfSatisfying(Bulletins.Refused.class, r -> assertThat(r.code()).isEqualTo("PROFILE_UNKNOWN"));
		assertThatThrownBy(() -> bulletins.generate(new Bulletins.Request(PROFILE, "MONTH", "2026-01", null), "editor1"))
			.isInstanceOfSatisfying(Bulletins.Refused.class, r -> assertThat(r.code()).isEqualTo("PERIOD_UNKNOWN"));
		assertThatThrownBy(() -> bulletins.generate(new Bulletins.Request(PROFILE, "QUARTER", "2026-Q9", null), "editor1"))
			.isInstanceOfSatisfying(Bulletins.Refused.class, r -> assertThat(r.code()).isEqualTo("PERIOD_UNKNOWN"));
		assertThatThrownBy(() -> bulletins.generate(new Bulletins.Request(PROFILE, "QUARTER", "2026-Q1", List.of("district", "moon")), "editor1"))
			.isInstanceOfSatisfying(Bulletins.Refused.class, r -> assertThat(r.code()).isEqualTo("SEQUENCE_UNKNOWN"));
		long one = bulletins.generate(new Bulletins.Request(PROFILE, "QUARTER", "2026-Q1", List.of("direct-a", "district")), "editor1");
		assertThat(bulletins.find(one).orElseThrow().sequences()).isEqualTo("district,direct-a");
		assertThat(BulletinTestData.generated(bulletins, one).state()).isEqualTo(Bulletin.DRAFT);
		assertThat(bulletins.content(one).orElseThrow().sequences()).hasSize(2);
	}

	/** A snapshot written before the watermark holds every unit's lines: they are shown as stored, the ledger is not read. */
	@Test
	@Order(10)
	void aSnapshotOfTheOldFormatShowsTheLinesItHolds() throws Exception {
		long old = bulletins.generate(new Bulletins.Request(PROFILE, "QUARTER", "2026-Q1", List.of("district")), "editor1");
		BulletinTestData.generated(bulletins, old);
		var current = bulletins.content(old).orElseThrow();
		var y = current.unit(yuexiu).orElseThrow();
		assertThat(y.lines()).hasSizeGreaterThan(2);
		// as the generator wrote it before: lines inside, no watermark (here 越秀区's only two, so what is shown can only come from it)
		var stored = new BulletinContent(current.profileId(), current.profileName(), current.office(), current.periodKind(), current.periodKey(),
				current.periodLabel(), current.start(), current.end(), current.closed(), current.computedAt(), current.ledgerLines(),
				current.ledgerPoints(), null, current.normalisation(), current.journals(),
				current.sequences().stream().map(t -> t.withRows(t.rows().stream()
					.map(r -> r.unitId() == yuexiu ? r.withLines(r.lines().subList(0, 2)) : r).toList())).toList(),
				current.alerts());
		var snapshot = Snapshots.write(stored);
		jdbc.update("UPDATE bulletin SET snapshot = ?, snapshot_sha256 = ? WHERE id = ?", snapshot.gzip(), snapshot.sha256(), old);

		assertThat(bulletins.content(old).orElseThrow()).isEqualTo(stored);
		assertThat(bulletins.unit(old, yuexiu).orElseThrow().unit(yuexiu).orElseThrow().lines()).isEqualTo(y.lines().subList(0, 2));
		assertThat(bulletins.summary(old).orElseThrow()).isEqualTo(stored);
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(bulletins.xlsx(old).orElseThrow().content()))) {
			long lines = stored.sequences().stream().flatMap(t -> t.rows().stream()).mapToLong(r -> r.lines().size()).sum();
			Sheet sheet = book.getSheet("得分明细");
			int rows = 0;
			for (int r = 3; r <= sheet.getLastRowNum(); r++) {
				if (sheet.getRow(r) != null) {
					rows++;
				}
			}
			assertThat(rows).isEqualTo(lines);
		}
	}

	private BulletinContent content() {
		return bulletins.content(draftId).orElseThrow();
	}

	private static List<BulletinContent.UnitRow> rows(BulletinContent content) {
		return content.sequences().stream().flatMap(s -> s.rows().stream()).toList();
	}

	private static int column(Row header, String name) {
		for (int c = 0; c < header.getLastCellNum(); c++) {
			if (header.getCell(c).getStringCellValue().equals(name)) {
				return c;
			}
		}
		throw new AssertionError("no column " + name);
	}

	private static Path save(Bulletins.Exported exported) throws Exception {
		Path dir = Path.of("target", "bulletins");
		Files.createDirectories(dir);
		Path file = dir.resolve("worked-example-q1" + exported.filename().substring(exported.filename().lastIndexOf('.')));
		Files.write(file, exported.content());
		return file;
	}
}
