package org.baosong.registry;

import java.util.List;
import java.util.Optional;

import org.baosong.common.TextKeys;

/**
 * The columns of the two registry tables. The informant table follows the 信息员统计表 that offices
 * already fill in (序号, 单位, 姓名, 职务, 联系电话, 电子邮箱, ...); headers are recognized by their usual
 * variants, so a form an office filled in by hand imports without renaming columns.
 */
enum RegistryColumns {

	UNIT_CODE(Table.UNITS, true, "代码", "单位代码", "编码", "编号"),
	UNIT_NAME(Table.UNITS, true, "单位名称", "名称", "单位"),
	UNIT_SHORT_NAME(Table.UNITS, false, "简称"),
	UNIT_ALIASES(Table.UNITS, false, "别名", "其他名称"),
	UNIT_SEQUENCE(Table.UNITS, true, "序列", "考核序列"),
	UNIT_PARENT(Table.UNITS, false, "上级单位", "上级主管部门", "主管部门"),
	UNIT_SORT(Table.UNITS, false, "排序", "顺序"),
	UNIT_STATUS(Table.UNITS, false, "状态"),

	INF_NUMBER(Table.INFORMANTS, false, "序号"),
	INF_UNIT(Table.INFORMANTS, true, "单位", "单位名称", "报送单位", "所在单位"),
	INF_NAME(Table.INFORMANTS, true, "姓名", "信息员", "信息员姓名"),
	INF_TITLE(Table.INFORMANTS, false, "职务", "职务职称"),
	INF_PHONE(Table.INFORMANTS, false, "联系电话", "电话", "手机", "办公电话"),
	INF_EMAIL(Table.INFORMANTS, true, "电子邮箱", "邮箱", "email", "e-mail", "电子邮件"),
	INF_REGISTERED(Table.INFORMANTS, false, "登记日期", "备案日期"),
	INF_STATUS(Table.INFORMANTS, false, "状态"),
	INF_NOTE(Table.INFORMANTS, false, "备注");

	enum Table {
		UNITS("单位", "units"), INFORMANTS("信息员", "informants");

		final String sheetName;

		final String fileStem;

		Table(String sheetName, String fileStem) {
			this.sheetName = sheetName;
			this.fileStem = fileStem;
		}

		List<RegistryColumns> columns() {
			return java.util.Arrays.stream(RegistryColumns.values()).filter(c -> c.table == this).toList();
		}

		Optional<RegistryColumns> columnFor(String header) {
			String key = TextKeys.nameKey(header);
			return columns().stream().filter(c -> c.headerKeys().contains(key)).findFirst();
		}
	}

	final Table table;

	final boolean required;

	final List<String> headers;

	RegistryColumns(Table table, boolean required, String... headers) {
		this.table = table;
		this.required = required;
		this.headers = List.of(headers);
	}

	/** The header written on export. */
	String header() {
		return headers.get(0);
	}

	List<String> headerKeys() {
		return headers.stream().map(TextKeys::nameKey).toList();
	}
}
