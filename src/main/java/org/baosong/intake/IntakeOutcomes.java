package org.baosong.intake;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.common.BaosongProperties;
import org.baosong.editorial.Filing;
import org.baosong.editorial.FilingRequest;
import org.baosong.editorial.Submissions;
import org.baosong.mailbox.InboundMessages;
import org.baosong.mailbox.InboundStatus;
import org.baosong.profile.JurisdictionProfile;
import org.baosong.replies.Replies;
import org.baosong.scoring.Ledger;
import org.baosong.screening.Screened;
import org.baosong.screening.SubjectLine;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an outcome in one transaction with everything that goes with it (DESIGN.md, the way a message
 * travels): ACCEPTED files the submission, writes its ledger row and queues the receipt; REJECTED queues
 * the rejection; IGNORED and QUARANTINED get no reply. Either all of it is committed or none.
 */
@Component
class IntakeOutcomes {

	private static final Logger log = LoggerFactory.getLogger(IntakeOutcomes.class);

	private final InboundMessages inbound;

	private final Filing filing;

	private final Ledger ledger;

	private final Replies replies;

	private final Submissions submissions;

	private final ZoneId zone;

	IntakeOutcomes(InboundMessages inbound, Filing filing, Submissions submissions, Ledger ledger, Replies replies,
			BaosongProperties properties) {
		this.inbound = inbound;
		this.filing = filing;
		this.submissions = submissions;
		this.ledger = ledger;
		this.replies = replies;
		this.zone = properties.timeZone();
	}

	@Transactional
	void record(IntakeWork work) {
		Screened screened = work.screened;
		var verdict = screened.verdict();
		var codes = new ArrayList<>(verdict.reasonCodes());
		Long unitId = screened.unit() == null ? null : screened.unit().id();
		switch (verdict.outcome()) {
			case ACCEPTED -> {
				codes.addAll(verdict.flagCodes());
				var filed = file(work, screened);
				work.trackingNo = filed.trackingNo();
				if (work.profile.rules().receipt()) {
					replies.receipt(original(work), receiptFields(work, screened, filed.trackingNo()), work.profile.office());
				}
			}
			case REJECTED -> {
				// replies go to registered informants only (or to an authenticated sender told it is not registered)
				if (screened.sender() != null || verdict.reasonCodes().contains("SENDER_UNKNOWN")) {
					// a classified message's reply carries that reason only: other details may quote its subject
					var reasons = verdict.reasons().stream()
						.filter(r -> !work.classified() || r.code().equals("CLASSIFIED_MARKING"))
						.map(r -> new Replies.Reason(r.code(), r.detail()))
						.toList();
					replies.rejection(original(work), reasons, parsedFields(screened.subject(), screened), work.profile.office());
				}
			}
			case IGNORED -> linkBounce(work);
			case QUARANTINED -> {
				// no reply: quarantined mail waits for an administrator
			}
		}
		if (!inbound.complete(work.inboundId, work.leaseOwner, InboundStatus.valueOf(verdict.outcome().name()), codes, unitId)) {
			throw new IntakeStep.LeaseLost(work);
		}
		work.outcome = InboundStatus.valueOf(verdict.outcome().name());
		work.reasonCodes.addAll(codes);
	}

	/** The unit's submission a 更正 replaces (the rules have already checked that it is the unit's own). */
	private Long supersedes(long unitId, String correctionOf) {
		return correctionOf == null ? null : submissions.ofUnit(unitId, correctionOf).orElse(null);
	}

	/** A delivery report (or a daemon's mail) that names one of our Message-IDs is linked to that outbound mail. */
	private void linkBounce(IntakeWork work) {
		var mail = work.parsed;
		if (!isBounce(mail)) {
			return;
		}
		var ids = new ArrayList<String>();
		if (mail.inReplyTo() != null) {
			ids.add(mail.inReplyTo());
		}
		ids.addAll(mail.references());
		var m = java.util.regex.Pattern.compile("<[^<>\\s]+@[^<>\\s]+>").matcher(mail.textBody());
		while (m.find()) {
			ids.add(m.group());
		}
		ids.addAll(work.returnedMessageIds);
		replies.linkBounce(work.inboundId, ids);
	}

	/** A delivery report, or a daemon's mail. */
	static boolean isBounce(org.baosong.mime.ParsedMail mail) {
		return mail != null && ("multipart/report".equals(mail.topContentType()) || (!mail.from().isEmpty()
				&& mail.from().get(0).address().toLowerCase(java.util.Locale.ROOT).matches("(mailer-daemon|postmaster)@.*")));
	}

	private Filing.Filed file(IntakeWork work, Screened screened) {
		SubjectLine line = screened.subject();
		var unit = screened.unit();
		var attachments = new ArrayList<FilingRequest.Attachment>();
		for (var a : screened.attachments()) {
			var p = a.part();
			var text = screened.extractions().get(p.sha256());
			attachments.add(new FilingRequest.Attachment(a.role(), p.filename(), p.storedName(),
					p.detectedType() != null ? p.detectedType() : p.declaredType(), p.size(), p.sha256(),
					text == null ? null : text.status().name(), text == null ? null : text.title(), text == null ? null : text.pageCount(),
					text == null ? null : text.charCount(), text == null ? null : text.text()));
		}
		var receivedOn = work.inbound.receivedAt().atZone(zone).toLocalDate();
		var request = new FilingRequest(work.inboundId, work.profile.id(), work.profile.trackingPrefix(), unit.id(),
				screened.sender() == null ? null : screened.sender().informant().id(), unit.sequenceCode(),
				line.type(), line.title(), line.signer(), line.reporter(), line.phone(), line.date(), screened.reportText(),
				line.commissionCode(), line.feedbackOf(), supersedes(unit.id(), line.correctionOf()),
				screened.verdict().flags().stream().map(f -> new FilingRequest.Flag(f.code(), f.detail())).toList(), attachments, work.inbound.receivedAt(), receivedOn);
		var filed = filing.file(request);
		ledger.recordSubmission(work.profile, unit.id(), filed.submissionId(), filed.trackingNo(), line.type(), receivedOn,
				work.inbound.receivedAt());
		log.info("{} filed as {} for {}", work, filed.trackingNo(), unit.name());
		return filed;
	}

	private static Replies.Original original(IntakeWork work) {
		var mail = work.parsed;
		String to = work.screened.sender() != null && mail != null && !mail.from().isEmpty() ? mail.from().get(0).address()
				: work.inbound.fromAddr();
		String subject = work.classified() ? InboundMessages.PURGED_SUBJECT
				: mail != null ? mail.subject() : work.inbound.subject();
		return new Replies.Original(work.inboundId, to, mail != null ? mail.messageId() : work.inbound.messageId(),
				mail != null ? mail.references() : List.of(), subject, work.inbound.receivedAt());
	}

	private Replies.ReceiptFields receiptFields(IntakeWork work, Screened screened, String trackingNo) {
		SubjectLine line = screened.subject();
		String sequence = work.profile.sequence(screened.unit().sequenceCode()).map(s -> s.name()).orElse(screened.unit().sequenceCode());
		var names = screened.attachments().stream()
			.map(a -> (a.role().equals("REPORT") ? "文稿：" : a.role().equals("PHOTO") ? "配图：" : "附件：")
					+ (a.part().filename() != null ? a.part().filename() : a.part().storedName()))
			.toList();
		return new Replies.ReceiptFields(trackingNo, screened.unit().name(), line.type(), line.title(), line.signer(), line.reporter(),
				line.phone(), line.date(), sequence + " · " + line.type(), names);
	}

	private static Replies.ParsedFields parsedFields(SubjectLine line, Screened screened) {
		if (line == null || screened.verdict().reasonCodes().contains("CLASSIFIED_MARKING")) { // never echo classified text
			return null;
		}
		return new Replies.ParsedFields(line.type(), line.unitText(), line.title(), line.signer(), line.reporter(), line.phone(),
				line.date());
	}
}
