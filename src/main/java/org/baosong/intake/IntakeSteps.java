package org.baosong.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.archive.BlobStore;
import org.baosong.mailbox.InboundMessages;
import org.baosong.mailbox.InboundPart;
import org.baosong.mailbox.InboundStatus;
import org.baosong.mime.MailAddress;
import org.baosong.mime.MailParser;
import org.baosong.mime.MailPart;
import org.springframework.stereotype.Component;

/** The steps of stage 2, each small and named after what it does. */
@Component
class IntakeSteps {

	private static final Logger log = LoggerFactory.getLogger(IntakeSteps.class);

	private final InboundMessages inbound;

	private final BlobStore blobs;

	private final MailParser parser;

	IntakeSteps(InboundMessages inbound, BlobStore blobs, MailParser parser) {
		this.inbound = inbound;
		this.blobs = blobs;
		this.parser = parser;
	}

	/** intake.load: the row and its archived raw bytes; processing reads nothing else of the original. */
	void load(IntakeWork work) throws IOException {
		work.inbound = inbound.find(work.inboundId).orElseThrow(() -> new IllegalStateException(work + " has no row"));
		if (work.inbound.rawBlob() == null || !blobs.exists(work.inbound.rawBlob())) {
			throw new IOException(work + ": raw message " + work.inbound.rawBlob() + " is not in the archive");
		}
	}

	/** intake.parse: Mime4j, streaming from the archive; parts go into the archive as they are met. */
	void parse(IntakeWork work) throws Exception {
		try (InputStream raw = blobs.open(work.inbound.rawBlob()).orElseThrow()) {
			work.parsed = parser.parse(raw);
		}
	}

	/** intake.record: the decoded subject and sender, and every part, on the inbound row. */
	void record(IntakeWork work) {
		var mail = work.parsed;
		String from = mail.from().isEmpty() ? null : mail.from().get(0).address();
		var parts = Stream.of(mail.bodies(), mail.attachments(), mail.inlineImages(),
				mail.nestedMessages().stream().map(n -> n.part()).toList())
			.flatMap(List::stream)
			.map(IntakeSteps::toRow)
			.toList();
		if (!inbound.recordParsed(work.inboundId, work.leaseOwner, mail.messageId(), from, mail.subject(), new ArrayList<>(parts))) {
			throw new IntakeStep.LeaseLost(work);
		}
		if (!mail.decodingNotes().isEmpty()) {
			log.debug("{} decoding: {}", work, mail.decodingNotes());
		}
	}

	/**
	 * intake.screen: the place of the screening rules (header rules, extraction, content rules). Until
	 * they land the message stops here as PARSED, so nothing is accepted or rejected without rules;
	 * reprocessing runs the rules over it once they exist.
	 */
	void screen(IntakeWork work) {
		work.outcome = InboundStatus.PARSED;
	}

	/** intake.outcome: the outcome with its reason codes, and the one log line per message. */
	void outcome(IntakeWork work) {
		if (!inbound.complete(work.inboundId, work.leaseOwner, work.outcome, work.reasonCodes)) {
			throw new IntakeStep.LeaseLost(work);
		}
		var mail = work.parsed;
		log.info("{} {} reasons={} from={} subject=\"{}\" parts={} {} total={}ms", work, work.outcome, work.reasonCodes,
				mail.from().stream().map(MailAddress::address).toList(), mail.subject(),
				mail.attachments().size() + mail.inlineImages().size() + mail.nestedMessages().size(), work.timings(),
				(System.nanoTime() - work.startedNanos) / 1_000_000);
	}

	private static InboundPart toRow(MailPart p) {
		return new InboundPart(p.path(), p.role().name(), p.declaredType(), p.detectedType(), p.charset(), p.filename(), p.storedName(),
				p.size(), p.sha256(), p.sha256());
	}
}
