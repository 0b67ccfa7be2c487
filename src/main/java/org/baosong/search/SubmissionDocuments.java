package org.baosong.search;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;

/**
 * One submission as a Lucene document. The texts are stored (for highlighting) and indexed twice:
 * as bigrams with offsets in the postings (so the highlighter needs no re-analysis) and as words
 * (frequencies only: word queries need no positions). Filters are exact terms; the received time
 * is a point (date ranges) and doc values (sorting).
 */
final class SubmissionDocuments {

	static final String ID = "id";
	static final String TRACKING = "tracking";
	static final String TITLE = "title";
	static final String TEXT = "text";
	static final String ATTACHMENTS = "attachments";
	static final String UNIT = "unit";
	static final String UNIT_NAME = "unit_name";
	static final String SEQUENCE = "sequence";
	static final String TYPE = "type";
	static final String STATE = "state";
	static final String FLAG = "flag";
	static final String RECEIVED = "received";

	/** The searchable texts, each with its {@code _words} twin. */
	static final List<String> TEXT_FIELDS = List.of(TITLE, TEXT, ATTACHMENTS);

	private static final FieldType BIGRAM_TEXT = new FieldType();

	private static final FieldType WORD_TEXT = new FieldType();

	static {
		BIGRAM_TEXT.setTokenized(true);
		BIGRAM_TEXT.setStored(true);
		BIGRAM_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		BIGRAM_TEXT.freeze();
		WORD_TEXT.setTokenized(true);
		WORD_TEXT.setStored(false);
		WORD_TEXT.setOmitNorms(false);
		WORD_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
		WORD_TEXT.freeze();
	}

	private final int maxTextChars;

	SubmissionDocuments(int maxTextChars) {
		this.maxTextChars = maxTextChars;
	}

	static Term idTerm(long id) {
		return new Term(ID, Long.toString(id));
	}

	/** Tracking numbers are matched exactly, ignoring case ({@code gz-2026-000123}). */
	static String trackingKey(String trackingNo) {
		return trackingNo.strip().toUpperCase(Locale.ROOT);
	}

	Document build(IndexedSubmission s) {
		var doc = new Document();
		doc.add(new StringField(ID, Long.toString(s.id()), Field.Store.YES));
		doc.add(new NumericDocValuesField(ID, s.id()));
		doc.add(new StringField(TRACKING, trackingKey(s.trackingNo()), Field.Store.YES));
		text(doc, TITLE, s.title());
		text(doc, TEXT, s.text());
		text(doc, ATTACHMENTS, s.attachmentText());
		doc.add(new StringField(UNIT, Long.toString(s.unitId()), Field.Store.YES));
		doc.add(new StoredField(UNIT_NAME, s.unitName() == null ? "" : s.unitName()));
		keyword(doc, SEQUENCE, s.sequenceCode());
		keyword(doc, TYPE, s.reportType());
		keyword(doc, STATE, s.state());
		s.flags().forEach(flag -> keyword(doc, FLAG, flag));
		long received = s.receivedAt().toEpochMilli();
		doc.add(new LongPoint(RECEIVED, received));
		doc.add(new NumericDocValuesField(RECEIVED, received));
		doc.add(new StoredField(RECEIVED, received));
		return doc;
	}

	private void text(Document doc, String field, String value) {
		if (value == null || value.isBlank()) {
			return;
		}
		String capped = value.length() > maxTextChars ? value.substring(0, maxTextChars) : value;
		doc.add(new Field(field, capped, BIGRAM_TEXT));
		doc.add(new Field(field + ChineseAnalysis.WORDS_SUFFIX, capped, WORD_TEXT));
	}

	private static void keyword(Document doc, String field, String value) {
		if (value != null && !value.isBlank()) {
			doc.add(new StringField(field, value, Field.Store.YES));
		}
	}

	/** The stored fields a result row is made of. */
	static Instant received(Document doc) {
		IndexableField field = doc.getField(RECEIVED);
		return field == null ? null : Instant.ofEpochMilli(field.numericValue().longValue());
	}

	static List<String> flags(Document doc) {
		return Arrays.asList(doc.getValues(FLAG));
	}
}
