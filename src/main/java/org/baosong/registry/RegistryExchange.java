package org.baosong.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.registry.RegistryColumns.Table;
import org.baosong.registry.RegistrySnapshot.InformantEntry;
import org.baosong.registry.RegistrySnapshot.UnitEntry;
import org.springframework.stereotype.Service;

/**
 * Import and export of the registry as XLSX (sheets 单位 and 信息员) or CSV (one file per table).
 * An import is checked as a whole first: if anything is wrong, it is refused with every problem
 * listed by sheet, row and column, and the registry is left exactly as it was.
 */
@Service
public class RegistryExchange {

	private static final Logger log = LoggerFactory.getLogger(RegistryExchange.class);

	private final Registry registry;

	private final RegistryWriter writer;

	RegistryExchange(Registry registry, RegistryWriter writer) {
		this.registry = registry;
		this.writer = writer;
	}

	public void exportXlsx(OutputStream out) throws IOException {
		RegistrySnapshot snapshot = registry.snapshot();
		XlsxCodec.write(unitRows(snapshot), informantRows(snapshot), out);
	}

	public void exportUnitsCsv(Writer out) throws IOException {
		CsvCodec.write(Table.UNITS, unitRows(registry.snapshot()), out);
	}

	public void exportInformantsCsv(Writer out) throws IOException {
		CsvCodec.write(Table.INFORMANTS, informantRows(registry.snapshot()), out);
	}

	/** Imports a workbook holding a 单位 sheet, a 信息员 sheet, or both. */
	public ImportResult importXlsx(InputStream in) {
		var problems = new ArrayList<ImportProblem>();
		Map<Table, RawTable> tables = XlsxCodec.read(in, problems);
		return importTables(tables, problems);
	}

	/** Imports CSV files; either may be null (that table is then left as it is). */
	public ImportResult importCsv(byte[] unitsCsv, byte[] informantsCsv) {
		var problems = new ArrayList<ImportProblem>();
		var tables = new EnumMap<Table, RawTable>(Table.class);
		if (unitsCsv != null) {
			tables.put(Table.UNITS, CsvCodec.read(Table.UNITS, unitsCsv, problems));
		}
		if (informantsCsv != null) {
			tables.put(Table.INFORMANTS, CsvCodec.read(Table.INFORMANTS, informantsCsv, problems));
		}
		return importTables(tables, problems);
	}

	private ImportResult importTables(Map<Table, RawTable> tables, List<ImportProblem> problems) {
		if (problems.isEmpty() && tables.isEmpty()) {
			problems.add(new ImportProblem("文件", 0, null, "没有可导入的内容"));
		}
		RegistrySnapshot current = registry.snapshot();
		var parser = new SnapshotParser(registry.sequences(), current, problems);
		boolean hasUnits = tables.containsKey(Table.UNITS);
		boolean hasInformants = tables.containsKey(Table.INFORMANTS);
		List<UnitEntry> units = hasUnits ? parser.units(tables.get(Table.UNITS)) : current.units();
		List<InformantEntry> informants = hasInformants ? parser.informants(tables.get(Table.INFORMANTS), units) : List.of();
		if (!problems.isEmpty()) {
			// in the order a person works through the file: units first, then informants, row by row
			problems.sort(java.util.Comparator.comparingInt((ImportProblem p) -> p.sheet().equals("信息员") ? 1 : 0)
				.thenComparingInt(ImportProblem::row));
			log.info("Registry import refused with {} problem(s)", problems.size());
			throw new RegistryImportException(problems);
		}
		ImportResult result = writer.apply(units, informants, hasUnits, hasInformants);
		log.info("Registry imported: {}", result);
		return result;
	}

	private List<List<String>> unitRows(RegistrySnapshot snapshot) {
		Map<String, String> sequenceNames = registry.sequences().stream()
			.collect(Collectors.toMap(s -> s.code(), s -> s.name()));
		Map<String, String> names = snapshot.units().stream().collect(Collectors.toMap(UnitEntry::code, UnitEntry::name));
		// the column order is RegistryColumns' order for the table
		return snapshot.units().stream()
			.map(u -> java.util.Arrays.asList(u.code(), u.name(), u.shortName(),
					u.aliases().isEmpty() ? null : String.join("、", u.aliases()),
					sequenceNames.getOrDefault(u.sequenceCode(), u.sequenceCode()),
					u.parentCode() == null ? null : names.get(u.parentCode()), String.valueOf(u.sortOrder()),
					u.active() ? "在用" : "停用"))
			.toList();
	}

	private static List<List<String>> informantRows(RegistrySnapshot snapshot) {
		Map<String, String> names = snapshot.units().stream().collect(Collectors.toMap(UnitEntry::code, UnitEntry::name));
		var rows = new ArrayList<List<String>>();
		int number = 1;
		for (InformantEntry i : snapshot.informants()) {
			rows.add(java.util.Arrays.asList(String.valueOf(number++), names.get(i.unitCode()), i.name(), i.title(), i.phone(),
					String.join("；", i.addresses()), i.registeredOn() == null ? null : i.registeredOn().toString(),
					i.active() ? "在用" : "停用", i.note()));
		}
		return rows;
	}
}
