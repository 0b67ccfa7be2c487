package org.baosong.editorial;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.baosong.archive.BlobStore;
import org.baosong.mailbox.InboundMessages;
import org.baosong.mime.MailCharsets;
import org.springframework.stereotype.Service;

/**
 * The original mail behind a submission, as the editors may see it: its HTML body (untrusted: the
 * web layer sanitizes it before showing it) and the stored attachments.
 */
@Service
public class OriginalMail {

	/** More HTML than this is not shown (a report's mail body is a few kilobytes). */
	static final int MAX_HTML_BYTES = 2 * 1024 * 1024;

	private final Submissions submissions;

	private final InboundMessages inbound;

	private final BlobStore blobs;

	OriginalMail(Submissions submissions, InboundMessages inbound, BlobStore blobs) {
		this.submissions = submissions;
		this.inbound = inbound;
		this.blobs = blobs;
	}

	/** The first HTML body of the submission's mail, decoded, or empty when it had none. */
	public Optional<String> html(long submissionId) {
		return submissions.inboundIdOf(submissionId)
			.flatMap(inboundId -> inbound.parts(inboundId).stream().filter(p -> "HTML".equals(p.role())).findFirst())
			.flatMap(part -> read(part.sha256()).map(bytes -> MailCharsets.decode(bytes, part.charset()).text()));
	}

	/** Opens a stored attachment of the submission; the caller closes the stream. */
	public Optional<InputStream> openAttachment(Submissions.AttachmentFile file) {
		try {
			return blobs.open(file.sha256());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Optional<byte[]> read(String sha256) {
		if (sha256 == null) {
			return Optional.empty();
		}
		try {
			var stream = blobs.open(sha256);
			if (stream.isEmpty()) {
				return Optional.empty();
			}
			try (InputStream in = stream.get()) {
				return Optional.of(in.readNBytes(MAX_HTML_BYTES));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
