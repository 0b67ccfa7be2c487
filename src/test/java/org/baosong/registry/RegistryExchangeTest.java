package org.baosong.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.baosong.testsupport.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@GatewayTest
class RegistryExchangeTest {

	@Autowired
	RegistryExchange exchange;

	@Autowired
	Registry registry;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void demoRegistry() throws Exception {
		RegistryFixtures.resetToDemo(jdbc, exchange);
	}

	@Test
	void anExportedWorkbookImportsBackToTheSameRegistry() throws Exception {
		RegistrySnapshot original = registry.snapshot();
		byte[] exported = export();

		// change the registry through an edited copy of the export: a phone, a removed informant, a new alias
		byte[] edited = RegistryFixtures.edit(exported, workbook -> {
			var informants = workbook.getSheet("信息员");
			informants.getRow(2).getCell(4).setCellValue("020-83123456");
			informants.removeRow(informants.getRow(3));
			workbook.getSheet("单位").getRow(1).createCell(3).setCellValue("越秀区人民政府、越秀");
		});
		var changed = exchange.importXlsx(new ByteArrayInputStream(edited));
		assertThat(changed.informantsUpdated()).isEqualTo(1);
		assertThat(changed.informantsDeactivated()).isEqualTo(1);
		assertThat(registry.snapshot()).isNotEqualTo(original);
		assertThat(registry.unitByNameOrAlias("越秀")).get().extracting(Unit::code).isEqualTo("D01");

		exchange.importXlsx(new ByteArrayInputStream(exported));

		assertThat(registry.snapshot()).isEqualTo(original);
		assertThat(registry.unitByNameOrAlias("越秀")).isEmpty();
	}

	@Test
	void aBadFileIsRefusedWithEveryProblemByRowAndNothingChanges() throws Exception {
		RegistrySnapshot before = registry.snapshot();
		byte[] bad = RegistryFixtures.informantWorkbook(List.of(
				Arrays.asList("1", "越秀区政府", "王明", "信息员", "13800138000", "wm@yuexiu.gov.cn", null),
				Arrays.asList("2", "荔湾区政府", "李华", "信息员", "13800138001", "WM@yuexiu.gov.cn", null),
				Arrays.asList("3", "不存在区政府", "张三", "信息员", "13800138002", "zs@example.gov.cn", null),
				Arrays.asList("4", "海珠区政府", null, "信息员", "13800138003", "hz@haizhu.gov.cn", null)));

		var refused = catchThrowableOfType(RegistryImportException.class,
				() -> exchange.importXlsx(new ByteArrayInputStream(bad)));

		assertThat(refused.problems()).extracting(ImportProblem::row, ImportProblem::column)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(4, "F列（电子邮箱）"),
					org.assertj.core.groups.Tuple.tuple(5, "B列（单位）"),
					org.assertj.core.groups.Tuple.tuple(6, "C列（姓名）"));
		assertThat(refused.problems().get(0).message()).contains("WM@yuexiu.gov.cn").contains("第3行重复");
		assertThat(refused.problems().get(1).message()).contains("不存在区政府").contains("不在单位名录中");
		assertThat(refused.problems().get(2).message()).contains("姓名不能为空");
		assertThat(refused.getMessage()).contains("信息员 第4行 F列（电子邮箱）");
		assertThat(registry.snapshot()).isEqualTo(before);
	}

	@Test
	void csvExportsImportBackAndExcelsGbkCsvIsRead() throws Exception {
		RegistrySnapshot original = registry.snapshot();
		var units = new StringWriter();
		var informants = new StringWriter();
		exchange.exportUnitsCsv(units);
		exchange.exportInformantsCsv(informants);
		assertThat(units.toString()).startsWith("\ufeff代码,单位名称");

		// Excel on a Chinese Windows saves "CSV" in GBK, without a BOM
		String edited = informants.toString().substring(1).replace("xxb.d01@demo.baosong.test", "wangming@yuexiu.gov.cn");
		exchange.importCsv(null, edited.getBytes(Charset.forName("GBK")));
		assertThat(registry.informantByAddress("wangming@yuexiu.gov.cn")).get()
			.satisfies(m -> assertThat(m.unit().code()).isEqualTo("D01"));
		assertThat(registry.informantByAddress("xxb.d01@demo.baosong.test")).isEmpty();

		exchange.importCsv(units.toString().getBytes(StandardCharsets.UTF_8), informants.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(registry.snapshot()).isEqualTo(original);
	}

	@Test
	void lookupsForgiveCaseWidthAndSpaces() {
		assertThat(registry.informantByAddress(" XXB.D01@Demo.Baosong.TEST ")).get()
			.satisfies(m -> {
				assertThat(m.unit().name()).isEqualTo("越秀区政府");
				assertThat(m.active()).isTrue();
			});
		assertThat(registry.informantByAddress("xxb.d01＠demo.baosong.test")).isPresent();
		assertThat(registry.informantByAddress("<xxb.d02@demo.baosong.test>")).get()
			.satisfies(m -> assertThat(m.unit().code()).isEqualTo("D02"));
		assertThat(registry.informantByAddress("nobody@demo.baosong.test")).isEmpty();

		assertThat(registry.unitByNameOrAlias("越秀 区")).get().extracting(Unit::code).isEqualTo("D01");
		assertThat(registry.unitByNameOrAlias("广州开发区管委会")).get().extracting(Unit::name).isEqualTo("萝岗区政府");
		assertThat(registry.unitByNameOrAlias("广州市发展和改革委员会")).get().extracting(Unit::code).isEqualTo("A01");
		assertThat(registry.unitByNameOrAlias("市发改委")).get().extracting(Unit::code).isEqualTo("A01");
		assertThat(registry.unitByNameOrAlias("火星区")).isEmpty();
	}

	@Test
	void directReportPointsKnowTheirSupervisingUnit() {
		Unit audit = registry.unitByNameOrAlias("市地税局第二稽查局").orElseThrow();
		assertThat(audit.sequenceCode()).isEqualTo("direct-a");
		assertThat(registry.unit(audit.parentUnitId())).get().extracting(Unit::name).isEqualTo("市地税局");
	}

	@Test
	void aDeactivatedInformantIsStillFoundButNotActive() throws Exception {
		var informants = new StringWriter();
		exchange.exportInformantsCsv(informants);
		String text = informants.toString();
		String line = text.lines().filter(l -> l.contains("xxb.d03@")).findFirst().orElseThrow();
		exchange.importCsv(null, text.replace(line, line.replace("在用", "停用")).getBytes(StandardCharsets.UTF_8));

		assertThat(registry.informantByAddress("xxb.d03@demo.baosong.test")).get()
			.satisfies(m -> assertThat(m.active()).isFalse());
	}

	@Test
	void unitSheetProblemsAreReportedTogether() throws Exception {
		RegistrySnapshot before = registry.snapshot();
		byte[] bad = RegistryFixtures.edit(export(), workbook -> {
			var units = workbook.getSheet("单位");
			units.getRow(2).getCell(0).setCellValue("D01"); // duplicate code
			units.getRow(3).getCell(4).setCellValue("县级序列"); // unknown sequence
			units.getRow(4).getCell(2).setCellValue("越秀区"); // another unit's short name
			units.getRow(5).createCell(5).setCellValue("不存在的上级"); // unknown parent
		});
		var refused = catchThrowableOfType(RegistryImportException.class, () -> exchange.importXlsx(new ByteArrayInputStream(bad)));
		// row 3 also loses code D02, whose names it still carries: one problem says so
		assertThat(refused.problems()).extracting(ImportProblem::row).containsExactly(3, 3, 4, 5, 6);
		assertThat(refused.problems()).filteredOn(p -> p.message().contains("D02")).singleElement()
			.satisfies(p -> assertThat(p.message()).contains("沿用其代码"));
		assertThat(refused.problems().get(2).message()).contains("县级序列").contains("district");
		assertThat(registry.snapshot()).isEqualTo(before);
	}

	@Test
	void aFileThatIsNotAWorkbookIsRefusedClearly() {
		var refused = catchThrowableOfType(RegistryImportException.class,
				() -> exchange.importXlsx(new ByteArrayInputStream("not a workbook".getBytes(StandardCharsets.UTF_8))));
		assertThat(refused.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("不是可读取的 Excel"));
	}

	private byte[] export() throws Exception {
		var out = new ByteArrayOutputStream();
		exchange.exportXlsx(out);
		return out.toByteArray();
	}
}
