package org.baosong.editorial;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.util.HexFormat;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files accepted messages as submissions: the row with its tracking number ({@code GZ-2026-000123}, one
 * counter per profile and year), the first event of its audit trail, and its attachments. Runs in the
 * caller's transaction, the one that records the outcome and queues the receipt (and, for a reply to a
 * commission, marks its unit's target answered or late; for a 【反馈:no】, records it as the feedback on
 * the item's open leader instructions); announces the new
 * submission with {@link SubmissionChanged} (listeners act after the commit).
 */
@Service
public class Filing {

	static final String ACTOR = "gateway";

	private final EditorialMapper mapper;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Commissions commissions;

	private final InstructionFeedback feedback;

	Filing(EditorialMapper mapper, Clock clock, ApplicationEventPublisher events, Commissions commissions, InstructionFeedback feedback) {
		this.mapper = mapper;
		this.clock = clock;
		this.events = events;
		this.commissions = commissions;
		this.feedback = feedback;
	}

	public record Filed(long submissionId, String trackingNo) {
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public Filed file(FilingRequest request) {
		var existing = mapper.submissionOfInbound(request.inboundId());
		if (existing.isPresent()) {
			return existing.get(); // reprocessing an accepted message files nothing twice
		}
		int year = request.receivedOn().getYear();
		mapper.nextTrackingNumber(request.profileId(), year);
		long number = mapper.currentTrackingNumber(request.profileId(), year);
		String trackingNo = String.format("%s-%d-%06d", request.trackingPrefix(), year, number);
		var instructionFeedback = feedback.ofMail(request); // which open instructions a 【反馈:no】 answers; the flag note says
		var row = new EditorialMapper.SubmissionRow(request, trackingNo, textHash(request.reportText()), SimHash.of(request.reportText()),
				String.join(",", request.flagCodes()), flagNotes(instructionFeedback.annotate(request.flags())), clock.instant());
		mapper.insertSubmission(row);
		mapper.insertEvent(row.id, clock.instant(), ACTOR, "FILED", null, "RECEIVED",
				request.flags().isEmpty() ? null : "flags: " + String.join(",", request.flagCodes()));
		request.attachments().forEach(a -> mapper.insertAttachment(row.id, a));
		commissions.answered(request, row.id); // a 【约稿:CODE】 answers its unit's target, on time or late
		var filed = new Filed(row.id, trackingNo);
		feedback.linkMail(instructionFeedback, request, filed);
		events.publishEvent(new SubmissionChanged(row.id));
		return filed;
	}

	/** One "CODE<tab>detail" line per flag that has a detail; null when none has. */
	static String flagNotes(java.util.List<FilingRequest.Flag> flags) {
		String notes = flags.stream().filter(f -> f.detail() != null && !f.detail().isBlank())
			.map(f -> f.code() + "\t" + f.detail().replace('\n', ' ').replace('\t', ' '))
			.collect(java.util.stream.Collectors.joining("\n"));
		return notes.isEmpty() ? null : notes;
	}

	/**
	 * The hash duplicates are found by: the text with Unicode compatibility forms folded and every white
	 * space and punctuation mark removed, so re-typed spacing or full-width commas do not hide a resend.
	 */
	public static String textHash(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\p{P}\\p{S}]", "");
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(folded.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
