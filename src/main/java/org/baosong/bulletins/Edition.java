package org.baosong.bulletins;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * What an export prints about the bulletin itself besides its content: 第N期 of the assessment year once
 * published (a draft has no number yet), the date it bears, whether it is a draft, whether it corrects one
 * published before.
 */
record Edition(Integer year, Integer issueNo, LocalDate date, boolean draft, boolean correction) {

	static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	/** 2026年第3期; 草稿 for a draft. */
	String issueLabel() {
		return draft || issueNo == null ? "草稿" : year + "年第" + issueNo + "期";
	}

	String chineseDate() {
		return date.format(CHINESE_DATE);
	}

	/** The bulletin's title: 2026年度第1季度政务信息报送采用情况通报（更正）. */
	static String title(BulletinContent content, boolean correction) {
		return content.periodLabel() + "政务信息报送采用情况通报" + (correction ? "（更正）" : "");
	}

	/** A file name: the title, the issue or 草稿, the extension. */
	String filename(BulletinContent content, String extension) {
		String name = title(content, correction) + "（" + issueLabel() + "）";
		return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}\\s]+", "") + "." + extension;
	}
}
