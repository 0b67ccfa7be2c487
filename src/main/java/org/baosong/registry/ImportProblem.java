package org.baosong.registry;

/**
 * One thing wrong with an import file, located as a person would look for it in Excel.
 *
 * @param sheet  单位 or 信息员
 * @param row    the row number as Excel (or a text editor, for CSV) shows it; 0 for the file as a whole
 * @param column the column letter and header, e.g. {@code F列（电子邮箱）}; null when the whole row is meant
 */
public record ImportProblem(String sheet, int row, String column, String message) {

	@Override
	public String toString() {
		var out = new StringBuilder(sheet);
		if (row > 0) {
			out.append(" 第").append(row).append("行");
		}
		if (column != null) {
			out.append(' ').append(column);
		}
		return out.append("：").append(message).toString();
	}
}
