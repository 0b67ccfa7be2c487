package org.baosong.replies;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.common.BaosongProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Automatic replies through the transactional outbox: the reply is rendered and written in the same
 * transaction as the outcome it answers, and sent after commit by {@link OutboxSender}. One reply per
 * (message, kind); rejections limited per sender and reason set per hour, all replies per sender per day.
 */
@Service
public class Replies {

	private static final Logger log = LoggerFactory.getLogger(Replies.class);

	static final String RECEIPT = "RECEIPT";

	static final String REJECTION = "REJECTION";

	static final String RETURN = "RETURN";

	static final String ALERT = "ALERT";

	static final String COMMISSION = "COMMISSION";

	static final String COMMISSION_REMINDER = "COMMISSION_REMINDER";

	static final String ADOPTED = "ADOPTED";

	static final String INSTRUCTION = "INSTRUCTION";

	static final String BULLETIN = "BULLETIN";

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

	private final OutboundMapper mapper;

	private final ReplyTemplates templates;

	private final RepliesProperties properties;

	private final Clock clock;

	private final ZoneId zone;

	Replies(OutboundMapper mapper, ReplyTemplates templates, RepliesProperties properties, BaosongProperties baosong, Clock clock) {
		this.mapper = mapper;
		this.templates = templates;
		this.properties = properties;
		this.clock = clock;
		this.zone = baosong.timeZone();
	}

	/**
	 * The message being answered, and where the answer goes: to its sender in its thread, or (inThread
	 * false) to another address of the unit as a new mail, outside a thread that address never saw.
	 */
	public record Original(long inboundId, String to, String messageId, List<String> references, String subject, Instant receivedAt,
			boolean inThread) {

		/** An answer to the sender, in the thread. */
		public Original(long inboundId, String to, String messageId, List<String> references, String subject, Instant receivedAt) {
			this(inboundId, to, messageId, references, subject, receivedAt, true);
		}

		/** A recorded message answered later, by an editor's act (its References are not kept, its Message-ID is). */
		static Original of(org.baosong.mailbox.InboundMail mail) {
			return new Original(mail.id(), mail.fromAddr(), mail.messageId(), List.of(), mail.subject(), mail.receivedAt());
		}

		/** The same message's answer sent to another address, as a new mail outside the thread. */
		Original elsewhere(String address) {
			return new Original(inboundId, address, messageId, List.of(), subject, receivedAt, false);
		}

		/** The suffix of a dedup key that tells apart the mails of one act to several addresses (none in the thread). */
		String dedupSuffix() {
			return inThread ? "" : ":" + to.strip().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/** What a receipt tells the unit. */
	public record ReceiptFields(String trackingNo, String unit, String type, String title, String signer, String reporter, String phone,
			LocalDate date, String queue, List<String> attachments) {
	}

	/** What the rules could read from the subject, echoed in a rejection; any field may be null. */
	public record ParsedFields(String type, String unit, String title, String signer, String reporter, String phone, LocalDate date) {
	}

	public record Reason(String code, String detail) {
	}

	/** Queues the receipt of an accepted message. False when one was queued before. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean receipt(Original original, ReceiptFields fields, String office) {
		var model = Map.<String, Object>ofEntries(Map.entry("trackingNo", fields.trackingNo()), Map.entry("unit", text(fields.unit())),
				Map.entry("type", text(fields.type())), Map.entry("title", text(fields.title())), Map.entry("signer", text(fields.signer())),
				Map.entry("reporter", text(fields.reporter())), Map.entry("phone", text(fields.phone())),
				Map.entry("date", fields.date() == null ? "" : fields.date().toString()), Map.entry("queue", text(fields.queue())),
				Map.entry("attachments", fields.attachments()), Map.entry("receivedAt", when(original.receivedAt())),
				Map.entry("originalSubject", text(original.subject())), Map.entry("office", office));
		String subject = "【已收到】" + text(original.subject()) + "（" + fields.trackingNo() + "）";
		return queue(original, RECEIPT, null, subject, templates.render("receipt", model));
	}

	/**
	 * Queues the rejection of a message, every reason with its fix. False when one was queued before, or
	 * when the rate limits hold it back (the same reasons to the same sender within the hour, or the
	 * sender's daily cap): an auto-responder or a broken script must not make us write back a hundred times.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean rejection(Original original, List<Reason> reasons, ParsedFields parsed, String office) {
		String reasonKey = reasons.stream().map(Reason::code).distinct().sorted().collect(Collectors.joining(","));
		Instant now = clock.instant();
		if (mapper.countSince(original.to(), REJECTION, reasonKey, now.minus(Duration.ofHours(1))) >= properties.rejectionsPerHour()) {
			log.info("inbound #{}: rejection to {} held back (same reasons within the hour)", original.inboundId(), original.to());
			return false;
		}
		if (mapper.countSince(original.to(), null, null, now.minus(Duration.ofDays(1))) >= properties.dailyCap()) {
			log.warn("inbound #{}: rejection to {} held back (daily cap of {} reached)", original.inboundId(), original.to(),
					properties.dailyCap());
			return false;
		}
		var items = new ArrayList<Map<String, Object>>();
		for (Reason reason : reasons) {
			items.add(Map.of("code", reason.code(), "title", templates.reasonName(reason.code()), "detail", text(reason.detail())));
		}
		Map<String, Object> parsedModel = parsed == null ? null : Map.of("type", text(parsed.type()), "unit", text(parsed.unit()),
				"title", text(parsed.title()), "signer", text(parsed.signer()), "reporter", text(parsed.reporter()),
				"phone", text(parsed.phone()), "date", parsed.date() == null ? "" : parsed.date().toString());
		var model = new java.util.HashMap<String, Object>();
		model.put("reasons", items);
		model.put("parsed", parsedModel);
		model.put("receivedAt", when(original.receivedAt()));
		model.put("originalSubject", text(original.subject()));
		model.put("office", office);
		String subject = "【退回】" + text(original.subject());
		return queue(original, REJECTION, reasonKey, subject, templates.render("rejection", model));
	}

	private boolean queue(Original original, String kind, String reasonKey, String subject, String body) {
		var row = row(original, kind, subject, body);
		row.reasonKey = reasonKey;
		return mapper.insert(row) == 1;
	}

	private OutboundMapper.OutboundRow row(Original original, String kind, String subject, String body) {
		var row = new OutboundMapper.OutboundRow();
		row.inboundId = original.inboundId();
		row.kind = kind;
		row.dedupKey = "inbound:" + original.inboundId() + ":" + kind;
		row.toAddr = original.to();
		row.subject = subject.length() > 900 ? subject.substring(0, 900) : subject;
		row.bodyText = body;
		row.headers = threadHeaders(original);
		row.messageId = "<" + UUID.randomUUID() + "@" + properties.messageIdDomain() + ">";
		row.status = "PENDING";
		row.createdAt = clock.instant();
		row.nextAttemptAt = row.createdAt;
		return row;
	}

	/** In-Reply-To and References of the original, so that the reply sits in the sender's thread. */
	private static String threadHeaders(Original original) {
		if (original.messageId() == null || !original.inThread()) {
			return null;
		}
		var refs = new ArrayList<>(original.references());
		refs.add(original.messageId());
		return "In-Reply-To: " + original.messageId() + "\nReferences: " + String.join(" ", refs);
	}

	/**
	 * Queues the mail that returns a submission to its unit for revision, answering the unit's original
	 * mail (same thread). One per submission (a returned submission is closed; the unit's 更正 is a new
	 * one); not rate-limited: an editor wrote it, not a rule.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean returned(Original original, String trackingNo, String title, String unit, String comment, String office) {
		var model = Map.<String, Object>of("trackingNo", trackingNo, "title", text(title), "unit", text(unit), "comment", text(comment),
				"receivedAt", when(original.receivedAt()), "originalSubject", text(original.subject()), "office", office);
		String subject = "【退回修改】" + text(title) + "（" + trackingNo + "）";
		var row = row(original, RETURN, subject, templates.render("returned", model));
		row.dedupKey += original.dedupSuffix();
		row.onePerInbound = original.inThread(); // one per submission and address when it goes to the unit's informants
		return mapper.insert(row) == 1;
	}

	/** What a commission notice (约稿通知) says to one informant. */
	public record CommissionNotice(long commissionId, String code, String topic, String requirements, Instant deadline, String unit,
			String informant, String to) {
	}

	/**
	 * Queues the notice of a commission (约稿通知) to one informant of a target unit, with the exact
	 * subject tag to answer with. One per commission and address; not rate-limited: an editor wrote it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean commission(CommissionNotice notice, String office) {
		var model = Map.<String, Object>of("code", notice.code(), "topic", text(notice.topic()), "requirements", text(notice.requirements()),
				"deadline", when(notice.deadline()), "unit", text(notice.unit()), "informant", text(notice.informant()), "office", office,
				"issuedOn", DateTimeFormatter.ofPattern("yyyy年M月d日").format(clock.instant().atZone(zone)));
		var row = new OutboundMapper.OutboundRow();
		row.kind = COMMISSION;
		row.dedupKey = "commission:" + notice.commissionId() + ":" + notice.to().strip().toLowerCase(java.util.Locale.ROOT);
		row.toAddr = notice.to().strip();
		String subject = "【约稿通知】" + notice.code() + " " + text(notice.topic()) + "（截止 " + when(notice.deadline()) + "）";
		row.subject = subject.length() > 900 ? subject.substring(0, 900) : subject;
		row.bodyText = templates.render("commission", model);
		row.messageId = "<" + UUID.randomUUID() + "@" + properties.messageIdDomain() + ">";
		row.status = "PENDING";
		row.createdAt = clock.instant();
		row.nextAttemptAt = row.createdAt;
		return mapper.insert(row) == 1;
	}

	/**
	 * Queues the reminder of a commission (约稿催报) to one informant of a target unit that has not answered
	 * yet, with the exact subject tag again. One per commission and address; not rate-limited.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean commissionReminder(CommissionNotice notice, Instant issuedAt, String office) {
		var model = Map.<String, Object>of("code", notice.code(), "topic", text(notice.topic()), "requirements", text(notice.requirements()),
				"deadline", when(notice.deadline()), "unit", text(notice.unit()), "informant", text(notice.informant()), "office", office,
				"issuedOn", DateTimeFormatter.ofPattern("yyyy年M月d日").format(issuedAt.atZone(zone)),
				"remindedOn", DateTimeFormatter.ofPattern("yyyy年M月d日").format(clock.instant().atZone(zone)));
		var row = new OutboundMapper.OutboundRow();
		row.kind = COMMISSION_REMINDER;
		row.dedupKey = "commission-reminder:" + notice.commissionId() + ":" + notice.to().strip().toLowerCase(java.util.Locale.ROOT);
		row.toAddr = notice.to().strip();
		String subject = "【约稿催报】" + notice.code() + " " + text(notice.topic()) + "（截止 " + when(notice.deadline()) + "）";
		row.subject = subject.length() > 900 ? subject.substring(0, 900) : subject;
		row.bodyText = templates.render("commission-reminder", model);
		row.messageId = "<" + UUID.randomUUID() + "@" + properties.messageIdDomain() + ">";
		row.status = "PENDING";
		row.createdAt = clock.instant();
		row.nextAttemptAt = row.createdAt;
		return mapper.insert(row) == 1;
	}

	/**
	 * Queues the 采用反馈 that tells a unit its submission was adopted in a journal issue, answering the
	 * unit's original mail (same thread), or to another informant of the unit outside the thread (see
	 * {@link UnitRecipients}). One per adoption and address (a submission adopted by two journals gets two);
	 * not rate-limited: an editor decided it, not a rule.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean adopted(Original original, long adoptionId, String trackingNo, String title, String unit, String issue,
			String placement, String office) {
		var model = Map.<String, Object>of("trackingNo", trackingNo, "title", text(title), "unit", text(unit), "issue", text(issue),
				"placement", text(placement), "receivedAt", when(original.receivedAt()), "originalSubject", text(original.subject()),
				"office", office);
		String subject = "【采用反馈】" + text(title) + "（" + trackingNo + "）";
		var row = row(original, ADOPTED, subject, templates.render("adopted", model));
		row.dedupKey = "adoption:" + adoptionId + original.dedupSuffix();
		row.onePerInbound = false;
		return mapper.insert(row) == 1;
	}

	/** What an instruction notice (批示通知) tells the unit; text null when the office keeps the wording to itself. */
	public record InstructionNotice(long instructionId, String trackingNo, String title, String unit, String issue, String placement,
			String level, String leader, LocalDate givenOn, String text, LocalDate feedbackDue, String feedbackTag) {
	}

	/**
	 * Queues the 批示通知 that tells a unit a leader gave an instruction on its adopted item, answering the
	 * unit's original mail (same thread) or to another informant of the unit outside the thread (see
	 * {@link UnitRecipients}), with the feedback due date and the exact subject tag of the feedback mail.
	 * One per instruction and address; not rate-limited: an editor recorded it, not a rule.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean instruction(Original original, InstructionNotice notice, String office) {
		var model = new java.util.HashMap<String, Object>();
		model.put("trackingNo", notice.trackingNo());
		model.put("title", text(notice.title()));
		model.put("unit", text(notice.unit()));
		model.put("issue", text(notice.issue()));
		model.put("placement", text(notice.placement()));
		model.put("level", text(notice.level()));
		model.put("leader", text(notice.leader()));
		model.put("givenOn", day(notice.givenOn()));
		model.put("text", text(notice.text()));
		model.put("feedbackDue", day(notice.feedbackDue()));
		model.put("feedbackTag", notice.feedbackTag());
		model.put("originalSubject", text(original.subject()));
		model.put("office", office);
		String subject = "【批示通知】" + text(notice.title()) + "（" + notice.trackingNo() + "）";
		var row = row(original, INSTRUCTION, subject, templates.render("instruction", model));
		row.dedupKey = "instruction:" + notice.instructionId() + original.dedupSuffix();
		row.onePerInbound = false;
		return mapper.insert(row) == 1;
	}

	/**
	 * What a published bulletin (通报) tells one informant of a unit: the unit's own figures, rank, alerts and
	 * ledger lines, and its sequence's ranking; the texts are prepared by the bulletins module.
	 *
	 * @param title      the bulletin's title, e.g. 2026年度第1季度政务信息报送采用情况通报
	 * @param issue      第N期 as printed, e.g. 2026年第3期
	 * @param correction the bulletin corrects one published before for the same period (更正)
	 * @param figures    the unit's counts, one line each (收到 12 条 …)
	 * @param alerts     what the bulletin flags about the unit
	 * @param lines      the unit's explanation: its ledger lines, one each
	 * @param ranking    the sequence's ranking, one unit a line
	 * @param notes      how the scores were made (targets, normalisation), one a line
	 */
	public record BulletinNotice(long bulletinId, String title, String issue, boolean correction, String period, String unit,
			String informant, String to, String sequence, int rank, int units, String points, String target, String completion,
			String met, List<String> figures, List<String> alerts, List<String> lines, List<String> ranking, List<String> notes,
			String publishedOn) {
	}

	/**
	 * Queues a published bulletin's mail to one informant of a unit. One per bulletin and address (a unit with
	 * two informants gets two); not rate-limited: an administrator published it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean bulletin(BulletinNotice notice, String office) {
		var model = new java.util.HashMap<String, Object>();
		model.put("title", text(notice.title()));
		model.put("issue", text(notice.issue()));
		model.put("correction", notice.correction());
		model.put("period", text(notice.period()));
		model.put("unit", text(notice.unit()));
		model.put("informant", text(notice.informant()));
		model.put("sequence", text(notice.sequence()));
		model.put("rank", notice.rank());
		model.put("units", notice.units());
		model.put("points", text(notice.points()));
		model.put("target", text(notice.target()));
		model.put("completion", text(notice.completion()));
		model.put("met", text(notice.met()));
		model.put("figures", notice.figures());
		model.put("alerts", notice.alerts());
		model.put("lines", notice.lines());
		model.put("ranking", notice.ranking());
		model.put("notes", notice.notes());
		model.put("publishedOn", text(notice.publishedOn()));
		model.put("office", office);
		var row = new OutboundMapper.OutboundRow();
		row.kind = BULLETIN;
		row.dedupKey = "bulletin:" + notice.bulletinId() + ":" + notice.to().strip().toLowerCase(java.util.Locale.ROOT);
		row.toAddr = notice.to().strip();
		String subject = (notice.correction() ? "【通报更正】" : "【通报】") + text(notice.title()) + "（" + text(notice.issue()) + "，"
				+ text(notice.unit()) + "）";
		row.subject = subject.length() > 900 ? subject.substring(0, 900) : subject;
		row.bodyText = templates.render("bulletin", model);
		row.messageId = "<" + UUID.randomUUID() + "@" + properties.messageIdDomain() + ">";
		row.status = "PENDING";
		row.createdAt = clock.instant();
		row.nextAttemptAt = row.createdAt;
		return mapper.insert(row) == 1;
	}

	/**
	 * Queues an alert for an administrator about a message (no content of the message in it). One per
	 * message and address.
	 */
	@Transactional
	public boolean alert(long inboundId, String to, String subject, String body) {
		var row = new OutboundMapper.OutboundRow();
		row.kind = ALERT;
		row.dedupKey = "inbound:" + inboundId + ":ALERT:" + to;
		row.toAddr = to;
		row.subject = subject;
		row.bodyText = body;
		row.messageId = "<" + UUID.randomUUID() + "@" + properties.messageIdDomain() + ">";
		row.status = "PENDING";
		row.createdAt = clock.instant();
		row.nextAttemptAt = row.createdAt;
		return mapper.insert(row) == 1;
	}

	/** Links a bounce to the reply it answers, when it names one of our Message-IDs. True when linked. */
	@Transactional
	public boolean linkBounce(long inboundId, List<String> referencedMessageIds) {
		for (String id : referencedMessageIds) {
			var outbound = mapper.idByMessageId(id.strip());
			if (outbound.isPresent()) {
				mapper.bounced(outbound.get(), inboundId);
				log.info("inbound #{} is a bounce of outbound #{}", inboundId, outbound.get());
				return true;
			}
		}
		return false;
	}

	private static String day(LocalDate date) {
		return date == null ? "" : DateTimeFormatter.ofPattern("yyyy年M月d日").format(date);
	}

	private String when(Instant instant) {
		return instant == null ? "" : WHEN.format(instant.atZone(zone));
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}
