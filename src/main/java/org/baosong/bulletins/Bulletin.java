package org.baosong.bulletins;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A bulletin as listed: what it is for, where its generation stands, and its publication.
 *
 * @param sequences      the sequence codes it covers, comma-separated, in the profile's order
 * @param state          GENERATING, DRAFT, FAILED or PUBLISHED
 * @param stage          while generating: the step under way (STANDINGS, ACTIVITY, ALERTS, INTAKE,
 *                       SAVING; LINES from a node before ADR 0025 was amended)
 * @param progressDone   units whose explanation is read, of {@code progressTotal}
 * @param issueNo        第N期 of the assessment year {@code issueYear}, given when published
 * @param correctsId     the published bulletin of the same period this one corrects (更正), or null
 * @param mailsQueued    mails queued to informants when published
 */
public record Bulletin(long id, String profileId, String periodKind, String periodKey, String periodLabel, String sequences, String state,
		String stage, int progressDone, int progressTotal, Instant requestedAt, String requestedBy, Instant generatedAt, String error,
		Long ledgerLines, BigDecimal ledgerPoints, Integer issueYear, Integer issueNo, Long correctsId, Instant publishedAt,
		String publishedBy, String xlsxSha256, String docxSha256, Integer mailsQueued) {

	public static final String GENERATING = "GENERATING", DRAFT = "DRAFT", FAILED = "FAILED", PUBLISHED = "PUBLISHED";

	public boolean generating() {
		return GENERATING.equals(state);
	}

	public boolean draft() {
		return DRAFT.equals(state);
	}

	public boolean published() {
		return PUBLISHED.equals(state);
	}

	public boolean failed() {
		return FAILED.equals(state);
	}

	/** The content can be shown and exported. */
	public boolean ready() {
		return draft() || published();
	}

	public List<String> sequenceCodes() {
		return Arrays.stream(sequences.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	/** Percent of the generation done (0–100). */
	public int percent() {
		if (!generating()) {
			return 100;
		}
		return progressTotal <= 0 ? 0 : (int) Math.min(100, 100L * progressDone / progressTotal);
	}
}
