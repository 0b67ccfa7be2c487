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
import org.baosong.mailbox.Mailboxes;
import org.baosong.profile.ProfileCatalog;
import org.baosong.registry.Registry;
import org.baosong.screening.Outcome;
import org.baosong.screening.Reason;
import org.baosong.screening.Screened;
import org.baosong.screening.Screening;
import org.baosong.screening.ScreeningInput;
import org.baosong.screening.Verdict;
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

	private final Screening screening;

	private final Registry registry;

	private final org.baosong.screening.ScreeningProperties screeningProperties;

	private final org.baosong.mailbox.MailboxPurge mailboxPurge;

	private final org.baosong.replies.Replies replies;

	private final IntakeOutcomes outcomes;

	private final Mailboxes mailboxes;

	private final ProfileCatalog profiles;

	private final java.time.ZoneId zone;

	IntakeSteps(InboundMessages inbound, BlobStore blobs, MailParser parser, Screening screening, IntakeOutcomes outcomes,
			Mailboxes mailboxes, ProfileCatalog profiles, org.baosong.common.BaosongProperties properties, Registry registry,
			org.baosong.screening.ScreeningProperties screeningProperties, org.baosong.mailbox.MailboxPurge mailboxPurge,
			org.baosong.replies.Replies replies) {
		this.registry = registry;
		this.screeningProperties = screeningProperties;
		this.mailboxPurge = mailboxPurge;
		this.replies = replies;
		this.inbound = inbound;
		this.blobs = blobs;
		this.parser = parser;
		this.screening = screening;
		this.outcomes = outcomes;
		this.mailboxes = mailboxes;
		this.profiles = profiles;
		this.zone = properties.timeZone();
	}

	/** intake.load: the row and its archived raw bytes; processing reads nothing else of the original. */
	void load(IntakeWork work) throws IOException {
		work.inbound = inbound.find(work.inboundId).orElseThrow(() -> new IllegalStateException(work + " has no row"));
		String profileId = mailboxes.find(work.inbound.mailboxId()).map(m -> m.profile()).orElse(profiles.jurisdiction().id());
		work.profile = profiles.find(profileId).orElse(profiles.jurisdiction());
		if (work.inbound.rawBlob() == null && InboundMessages.TOO_LARGE.equals(work.inbound.reasonCodes())) {
			work.oversize = true;
			return;
		}
		if (work.inbound.rawBlob() == null || !blobs.exists(work.inbound.rawBlob())) {
			throw new IOException(work + ": raw message " + work.inbound.rawBlob() + " is not in the archive");
		}
	}

	/** intake.parse: Mime4j, streaming from the archive; parts go into the archive as they are met. */
	void parse(IntakeWork work) throws Exception {
		if (work.oversize) {
			return;
		}
		try (InputStream raw = blobs.open(work.inbound.rawBlob()).orElseThrow()) {
			work.parsed = parser.parse(raw);
		}
	}

	/** intake.record: the decoded subject and sender, and every part, on the inbound row. */
	void record(IntakeWork work) {
		if (work.oversize) {
			return;
		}
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

	/** A size as a reply states it: "172 KB", "3.4 MB". */
	static String size(long bytes) {
		if (bytes < 1024 * 1024) {
			return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
		}
		double mb = bytes / (1024.0 * 1024);
		return (mb < 10 ? String.format(java.util.Locale.ROOT, "%.1f", mb) : String.valueOf(Math.round(mb))) + " MB";
	}

	/** intake.screen: the rule chain of the mailbox's profile (header rules, content rules, flags). */
	void screen(IntakeWork work) {
		if (work.oversize) {
			var sender = registry.informantByAddress(work.inbound.fromAddr() == null ? "" : work.inbound.fromAddr()).filter(m -> m.active());
			String limit = mailboxes.find(work.inbound.mailboxId()).map(m -> " " + size(m.maxMessageSize().toBytes()) + " ").orElse("");
			var reason = new Reason(InboundMessages.TOO_LARGE, "邮件大小约 " + size(work.inbound.size()) + "，超过报送邮箱" + limit + "的上限。"
					+ "请压缩图片、删去不必要的附件，或将大文件通过其他渠道报送。");
			work.screened = new Screened(new Verdict(Outcome.REJECTED, List.of(reason), List.of()), null, sender.orElse(null),
					sender.map(m -> m.unit()).orElse(null), List.of(), null, java.util.Map.of());
			return;
		}
		var receivedOn = work.inbound.receivedAt().atZone(zone).toLocalDate();
		work.screened = screening.screen(new ScreeningInput(work.inboundId, work.inbound.sha256(), work.inbound.size(), work.parsed,
				work.profile, receivedOn, work.inbound.receivedAt()));
	}

	/** intake.outcome: the outcome with everything that goes with it, in one transaction; then the purge; one log line. */
	void outcome(IntakeWork work) throws IOException {
		if (work.screened.verdict().outcome() == Outcome.IGNORED && IntakeOutcomes.isBounce(work.parsed)) {
			work.returnedMessageIds.addAll(returnedMessageIds(work.parsed));
		}
		outcomes.record(work);
		if (work.classified()) {
			purge(work);
		}
		log.info("{} {} reasons={} from={} subject=\"{}\" parts={}{} {} total={}ms", work, work.outcome, work.reasonCodes,
				fromOf(work), work.classified() ? InboundMessages.PURGED_SUBJECT : subjectOf(work),
				work.parsed == null ? 0 : work.parsed.attachments().size() + work.parsed.inlineImages().size()
						+ work.parsed.nestedMessages().size(),
				work.trackingNo == null ? "" : " tracking=" + work.trackingNo, work.timings(), (System.nanoTime() - work.startedNanos) / 1_000_000);
	}

	/**
	 * CLASSIFIED_MARKING: only metadata and the reason remain. The raw message and every part are deleted
	 * from the archive, the decoded subject and the part rows from the database; administrators are alerted.
	 */
	private void purge(IntakeWork work) throws IOException {
		var blobsToDelete = inbound.purge(work.inboundId);
		for (String sha : blobsToDelete) {
			blobs.delete(sha);
		}
		boolean deletedOnServer = screeningProperties.purgeFromMailbox() && mailboxPurge.delete(work.inbound);
		log.error("ALERT inbound #{} from {} carried a classified marking: rejected, {} archived file(s) deleted{}; "
				+ "the sender was told to use the confidential channel", work.inboundId, fromOf(work), blobsToDelete.size(),
				deletedOnServer ? ", deleted from the mailbox" : "");
		for (String admin : screeningProperties.alertAddresses()) {
			replies.alert(work.inboundId, admin, "【报送系统警示】收到含密级标志的邮件（编号 " + work.inboundId + "）",
					"报送邮箱收到一封含密级标志的邮件，已退回发件人并从报送系统中删除，仅保留记录。\n\n"
							+ "记录编号：" + work.inboundId + "\n发件人：" + fromOf(work) + "\n收到时间：" + work.inbound.receivedAt()
							+ "\n邮箱：" + work.inbound.mailboxId() + (deletedOnServer ? "（已从邮箱中删除）" : "（邮箱中的原邮件请按保密规定处理）")
							+ "\n\n本邮件不含原邮件的任何内容。");
		}
	}

	private static final java.util.regex.Pattern RETURNED_MESSAGE_ID = java.util.regex.Pattern.compile(
			"(?im)^Message-ID:[ \\t]*(?:\\r?\\n[ \\t]+)?(<[^<>\\s]+>)");

	/**
	 * The Message-IDs in a bounce's returned headers (text/rfc822-headers) or returned message
	 * (message/rfc822), where a delivery report names the mail it returns (RFC 3464): Postfix, Exim and
	 * Exchange put it there and nowhere else. Only the first 64 KB of each part are read.
	 */
	private List<String> returnedMessageIds(org.baosong.mime.ParsedMail mail) throws IOException {
		var ids = new ArrayList<String>();
		var parts = Stream.concat(mail.attachments().stream(), mail.nestedMessages().stream().map(n -> n.part()))
			.filter(p -> "text/rfc822-headers".equals(p.declaredType()) || "message/rfc822".equals(p.declaredType())
					|| "message/global".equals(p.declaredType()))
			.toList();
		for (MailPart part : parts) {
			var stored = blobs.open(part.sha256());
			if (stored.isEmpty()) {
				continue;
			}
			try (InputStream in = stored.get()) {
				var m = RETURNED_MESSAGE_ID.matcher(new String(in.readNBytes(64 * 1024), java.nio.charset.StandardCharsets.ISO_8859_1));
				while (m.find()) {
					ids.add(m.group(1));
				}
			}
		}
		return ids;
	}

	private static String fromOf(IntakeWork work) {
		return work.parsed != null && !work.parsed.from().isEmpty() ? work.parsed.from().get(0).address() : work.inbound.fromAddr();
	}

	private static String subjectOf(IntakeWork work) {
		return work.parsed != null ? work.parsed.subject() : work.inbound.subject();
	}

	private static InboundPart toRow(MailPart p) {
		return new InboundPart(p.path(), p.role().name(), p.declaredType(), p.detectedType(), p.charset(), p.filename(), p.storedName(),
				p.size(), p.sha256(), p.sha256());
	}
}
