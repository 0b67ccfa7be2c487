package org.baosong.mime;

import java.io.IOException;
import java.io.InputStream;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.internet.MailDateFormat;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.MimeConfig;

import org.baosong.archive.BlobStore;
import org.springframework.stereotype.Component;

/**
 * Parses a raw message with Apache James Mime4j into a {@link ParsedMail}, streaming: attachments go
 * straight into the archive, headers and text bodies are decoded with the Chinese charset strategy
 * ({@link MailCharsets}, {@link EncodedWords}, {@link MimeParameters}).
 */
@Component
public class MailParser {

	private final MimeLimits limits;

	private final BlobStore blobs;

	public MailParser(MimeLimits limits, BlobStore blobs) {
		this.limits = limits;
		this.blobs = blobs;
	}

	public ParsedMail parse(InputStream raw) throws MailParseException {
		var session = new ParseSession(limits, blobs);
		var config = MimeConfig.custom()
			.setMaxHeaderCount(limits.maxHeaders())
			.setMaxHeaderLen(limits.maxHeaderLength())
			.setMaxLineLen(limits.maxLineLength())
			.setMaxContentLen(-1)
			.setStrictParsing(false)
			.build();
		var parser = new MimeStreamParser(config, DecodeMonitor.SILENT, null);
		parser.setContentDecoding(true);
		// a forwarded message (message/rfc822) is one part of this one: archived whole, its own headers read apart
		parser.setNoRecurse();
		parser.setContentHandler(session);
		try {
			parser.parse(raw);
		}
		catch (MimeException | IOException | RuntimeException ex) {
			throw new MailParseException("cannot parse the message: " + ex.getMessage(), ex);
		}
		if (session.top == null) {
			throw new MailParseException("the message has no header", null);
		}
		return assemble(session);
	}

	/** The top-level header fields only, decoded (encoded-words and raw 8-bit text); the body is not read. */
	public java.util.List<HeaderField> headers(InputStream raw) throws MailParseException {
		var notes = new java.util.ArrayList<String>();
		var tokens = new org.apache.james.mime4j.stream.MimeTokenStream(MimeConfig.custom().setMaxHeaderCount(limits.maxHeaders())
			.setMaxHeaderLen(limits.maxHeaderLength()).setMaxLineLen(limits.maxLineLength()).setStrictParsing(false).build());
		var fields = new java.util.ArrayList<HeaderField>();
		try {
			tokens.parse(raw);
			for (var state = tokens.getState(); state != org.apache.james.mime4j.stream.EntityState.T_END_HEADER
					&& state != org.apache.james.mime4j.stream.EntityState.T_END_OF_STREAM; state = tokens.next()) {
				if (state == org.apache.james.mime4j.stream.EntityState.T_FIELD) {
					var one = new RawHeaders(notes);
					one.add(tokens.getField());
					String name = tokens.getField().getName().strip();
					fields.add(new HeaderField(name, EncodedWords.decode(one.first(name.toLowerCase(java.util.Locale.ROOT)))));
				}
			}
		}
		catch (MimeException | IOException ex) {
			throw new MailParseException("cannot read the header: " + ex.getMessage(), ex);
		}
		return fields;
	}

	private ParsedMail assemble(ParseSession s) {
		RawHeaders h = s.top;
		var from = h.all("from").stream().flatMap(v -> AddressParsing.parse(v).stream()).toList();
		String textBody = s.textBody;
		if (textBody == null && s.htmlBody != null) {
			textBody = HtmlText.toText(s.htmlBody);
		}
		var contentType = MimeParameters.parse(h.first("content-type"));
		return new ParsedMail(from, first(AddressParsing.parse(h.first("sender"))), AddressParsing.parse(h.first("reply-to")),
				trimmed(h.first("return-path")), AddressParsing.parse(h.first("to")), AddressParsing.parse(h.first("cc")),
				date(h.first("date")), trimmed(h.first("message-id")), trimmed(h.first("in-reply-to")), references(h.first("references")),
				h.text("subject"),
				new ParsedMail.AutoResponseHeaders(h.text("auto-submitted"), h.text("precedence"), h.text("x-auto-response-suppress"),
						h.text("list-id"), h.all("x-loop").stream().map(EncodedWords::decode).toList()),
				h.all("authentication-results"),
				contentType.value().isEmpty() ? "text/plain" : contentType.value(), contentType.get("report-type"),
				textBody == null ? "" : textBody, s.textTruncated, s.htmlBody,
				List.copyOf(s.attachments), List.copyOf(s.inline), List.copyOf(s.nested), List.copyOf(s.bodies),
				s.headerCount, s.partCount, List.copyOf(s.notes));
	}

	private static MailAddress first(List<MailAddress> addresses) {
		return addresses.isEmpty() ? null : addresses.get(0);
	}

	private static String trimmed(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static List<String> references(String value) {
		return value == null ? List.of() : Arrays.stream(value.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
	}

	private static Instant date(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new MailDateFormat().parse(value.strip()).toInstant();
		}
		catch (ParseException | RuntimeException unparseable) {
			return null;
		}
	}
}
