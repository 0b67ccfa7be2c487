package org.baosong.extraction.parse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.microsoft.rtf.RTFParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.parser.txt.TXTParser;
import org.baosong.extraction.ExtractionStatus;

/**
 * Tika with only the parsers for the report formats (not the standard package: no mail, archive,
 * image, font or database parsers to attack), detection by content, and the limits of
 * {@link ParseLimits}. Runs in a parser process, or in the gateway in in-process mode.
 */
public final class TikaDocumentParser {

	/** PDFBox keeps at most this much of a PDF in memory and spills the rest to scratch files. */
	private static final long PDF_MAIN_MEMORY = 64L * 1024 * 1024;

	private final Detector detector;

	private final AutoDetectParser parser;

	private final EncodingDetector encodingDetector = new ChineseEncodingDetector();

	/** @param extraParsers class names of parsers tried before ours (they win for the types they claim) */
	public TikaDocumentParser(List<String> extraParsers) {
		this.detector = new DefaultDetector();
		List<Parser> parsers = new ArrayList<>(List.of(new OfficeParser(), new OOXMLParser(), new RTFParser(),
				new PDFParser(), new OpenDocumentParser(), new JSoupParser(), new TXTParser(), new OfdParser()));
		for (String name : extraParsers) {
			parsers.add(instantiate(name));
		}
		// CompositeParser lets the last parser that claims a type win
		this.parser = new AutoDetectParser(detector, parsers.toArray(Parser[]::new));
	}

	private static Parser instantiate(String name) {
		try {
			return (Parser) Class.forName(name).getDeclaredConstructor().newInstance();
		}
		catch (ReflectiveOperationException | ClassCastException ex) {
			throw new IllegalArgumentException("baosong.extraction.extra-parsers: cannot create parser " + name, ex);
		}
	}

	public ParsedDocument parse(TikaInputStream tis, ParseLimits limits, AtomicLong progress) {
		// POI's zip-bomb guard is process-wide; the same ratio as ours
		ZipSecureFile.setMinInflateRatio(1.0d / limits.maxCompressionRatio());
		Metadata metadata = new Metadata(); // no file name: detection by content only
		String detected;
		try {
			detected = detector.detect(tis, metadata).getBaseType().toString();
			if (detected.equals("application/octet-stream") && LegacyText.looksLikeText(tis)) {
				// Tika's magic only knows ASCII-compatible and UTF text; GBK and Big5 text has no magic
				detected = "text/plain";
				metadata.set(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE, detected);
			}
		}
		catch (IOException | RuntimeException ex) {
			return ParsedDocument.failure(ExtractionStatus.FAILED, null, "type detection failed: " + describe(ex));
		}
		if (DocumentTypes.encryptedContainer(detected)) {
			return ParsedDocument.failure(ExtractionStatus.ENCRYPTED, detected, "password-protected document");
		}
		if (DocumentTypes.macro(detected)) {
			return ParsedDocument.failure(ExtractionStatus.UNSUPPORTED, detected, "macro-enabled document");
		}
		if (!DocumentTypes.accepted(detected)) {
			String damage = DamagedContainers.damage(tis, detected);
			if (damage != null) {
				return ParsedDocument.failure(ExtractionStatus.FAILED, detected, "damaged file: " + damage);
			}
			return ParsedDocument.failure(ExtractionStatus.UNSUPPORTED, detected, "not a document type we read: " + detected);
		}
		String bomb;
		try {
			bomb = ZipBombGuard.check(tis, limits.maxCompressionRatio());
		}
		catch (IOException ex) {
			return ParsedDocument.failure(ExtractionStatus.FAILED, detected, "cannot read the file: " + describe(ex));
		}
		if (bomb != null) {
			return ParsedDocument.failure(ExtractionStatus.FAILED, detected, "zip bomb suspected: " + bomb);
		}
		List<String> warnings = new ArrayList<>();
		StructureHandler handler = new StructureHandler(limits.writeLimit(), progress);
		ParseContext context = new ParseContext();
		LimitedEmbeddedExtractor embedded = new LimitedEmbeddedExtractor(context, limits.maxEmbeddedDepth(),
				limits.maxEmbeddedCount(), warnings);
		configure(context, embedded);
		parser.setAutoDetectParserConfig(new AutoDetectParserConfig(null, 1_000_000L,
				(long) limits.maxCompressionRatio(), 1000, limits.maxEmbeddedDepth() + 2)); // ours first, with a warning
		ExtractionStatus status = ExtractionStatus.OK;
		boolean encrypted = false;
		try {
			parser.parse(tis, handler, metadata, context);
		}
		catch (Exception | StackOverflowError ex) {
			if (causedBy(ex, StructureHandler.WriteLimitReached.class)) {
				warnings.add("text longer than " + limits.writeLimit() + " characters: truncated");
			}
			else if (causedBy(ex, EncryptedDocumentException.class)
					|| causedBy(ex, org.apache.poi.EncryptedDocumentException.class)) {
				status = ExtractionStatus.ENCRYPTED;
				encrypted = true;
				warnings.add("password-protected document");
			}
			else {
				status = ExtractionStatus.FAILED;
				String message = describe(ex);
				warnings.add(message.toLowerCase().contains("bomb") ? "zip bomb suspected: " + message
						: "parse failed: " + message);
			}
		}
		handler.finish();
		if (embedded.macros()) {
			return ParsedDocument.failure(ExtractionStatus.UNSUPPORTED, detected, "document contains macros");
		}
		if ("true".equals(metadata.get("pdf:encrypted")) && status == ExtractionStatus.OK) {
			warnings.add("PDF with an owner password (permissions only): the text was read");
		}
		int pageCount = pageCount(metadata, handler);
		return new ParsedDocument(status, detected, metadata.get(TikaCoreProperties.TITLE),
				status == ExtractionStatus.OK ? handler.pages() : List.of(), handler.paged(), handler.headings(),
				handler.headerFooter(), pageCount, handler.truncated() || embedded.limitHit(), encrypted, warnings);
	}

	private void configure(ParseContext context, LimitedEmbeddedExtractor embedded) {
		context.set(EmbeddedDocumentExtractor.class, embedded);
		context.set(EncodingDetector.class, encodingDetector);
		context.set(Parser.class, parser);
		OfficeParserConfig office = new OfficeParserConfig();
		office.setExtractMacros(true); // handed to the embedded extractor, which only notes them
		office.setIncludeDeletedContent(false);
		office.setIncludeHeadersAndFooters(true);
		context.set(OfficeParserConfig.class, office);
		PDFParserConfig pdf = new PDFParserConfig();
		pdf.setExtractInlineImages(false);
		pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
		pdf.setExtractAcroFormContent(true);
		pdf.setMaxMainMemoryBytes(PDF_MAIN_MEMORY);
		context.set(PDFParserConfig.class, pdf);
	}

	private static int pageCount(Metadata metadata, StructureHandler handler) {
		for (var property : List.of(PagedText.N_PAGES, Office.PAGE_COUNT)) {
			Integer n = metadata.getInt(property);
			if (n != null && n > 0) {
				return n;
			}
		}
		return handler.paged() ? handler.pages().size() : 0;
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

	static String describe(Throwable ex) {
		StringBuilder sb = new StringBuilder();
		for (Throwable t = ex; t != null && sb.length() < 500; t = t.getCause() == t ? null : t.getCause()) {
			if (sb.length() > 0) {
				sb.append(" <- ");
			}
			sb.append(t.getClass().getSimpleName());
			if (t.getMessage() != null) {
				sb.append(": ").append(t.getMessage().strip());
			}
		}
		return sb.length() > 500 ? sb.substring(0, 500) : sb.toString();
	}
}
