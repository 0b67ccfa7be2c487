package org.baosong.mailbox.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.baosong.archive.BlobStore;
import org.baosong.mailbox.InboundMail;
import org.baosong.mime.HeaderField;
import org.baosong.mime.MailParseException;
import org.baosong.mime.MailParser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The archived raw message of an inbound mail, for the log's API and pages: its decoded header, and the download. */
@Component
class ArchivedMessages {

	private final BlobStore blobs;

	private final MailParser parser;

	ArchivedMessages(BlobStore blobs, MailParser parser) {
		this.blobs = blobs;
		this.parser = parser;
	}

	/** The header fields as the sender's client wrote them, decoded; empty when the raw message is not archived. */
	List<HeaderField> headers(InboundMail mail) throws IOException {
		Optional<InputStream> raw = mail.rawBlob() == null ? Optional.empty() : blobs.open(mail.rawBlob());
		if (raw.isEmpty()) {
			return List.of();
		}
		try (InputStream in = raw.get()) {
			return parser.headers(in);
		}
		catch (MailParseException unreadable) {
			return List.of(new HeaderField("(unreadable)", unreadable.getMessage()));
		}
	}

	/**
	 * Sends the raw message as a download the browser must neither show nor sniff (it is mail from outside:
	 * its HTML must never run in our origin). 410 when the archive does not hold it (over-size or purged).
	 */
	void download(InboundMail mail, HttpServletResponse response) throws IOException {
		Optional<InputStream> raw = mail.rawBlob() == null ? Optional.empty() : blobs.open(mail.rawBlob());
		if (raw.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.GONE,
					"the raw message of " + mail.id() + " is not in the archive (over-size or purged)");
		}
		response.setContentType("message/rfc822");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("inbound-" + mail.id() + ".eml").build().toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		try (InputStream in = raw.get()) {
			in.transferTo(response.getOutputStream());
		}
	}
}
