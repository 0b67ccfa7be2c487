package org.baosong.screening;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.registry.CachedRegistry;
import org.springframework.stereotype.Service;

/**
 * Judges a parsed message against the rules of its mailbox's profile ({@link ScreeningRules}) and says
 * what it is: ACCEPTED (with flags), REJECTED (with every reason), IGNORED or QUARANTINED.
 */
@Service
public class Screening {

	private static final Logger log = LoggerFactory.getLogger(Screening.class);

	static final String INTERNAL_ERROR = "INTERNAL_ERROR";

	private final CachedRegistry registry;

	private final List<ScreeningRules.Entry> chain;

	private final java.util.Map<String, SubjectParser> parsers = new java.util.concurrent.ConcurrentHashMap<>();

	private final org.baosong.extraction.TextExtractor extractor;

	Screening(CachedRegistry registry, ScreeningProperties properties, org.baosong.editorial.Submissions submissions,
			org.baosong.mailbox.InboundMessages inbound, org.baosong.extraction.TextExtractor extractor) {
		this.registry = registry;
		this.extractor = extractor;
		this.chain = ScreeningRules.chain(properties.loopId(), submissions, inbound);
	}

	public Screened screen(ScreeningInput input) {
		var context = new ScreeningContext(input, registry, parsers.computeIfAbsent(input.profile().id(),
				id -> new SubjectParser(input.profile().subject(), key -> registry.unitByNameOrAlias(key).isPresent())), extractor);
		var findings = new Findings();
		for (ScreeningRules.Entry entry : chain) {
			try {
				entry.rule().check(context, findings);
			}
			catch (Exception ex) {
				if (org.baosong.common.Outages.isOutage(ex)) {
					// the database went away: nothing is known about the message; the intake retries it
					throw ex instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex);
				}
				if (entry.onError() == ScreeningRule.OnError.SKIP) {
					log.warn("inbound #{}: rule {} failed and is skipped: {}", input.inboundId(), entry.name(), ex.toString());
					continue;
				}
				log.error("inbound #{}: rule {} failed; the message cannot be judged safely", input.inboundId(), entry.name(), ex);
				findings.quarantine(INTERNAL_ERROR, "rule " + entry.name() + " failed: " + ex);
			}
			if (findings.decided()) {
				break;
			}
		}
		var verdict = findings.verdict();
		if (verdict.outcome() == Outcome.IGNORED || verdict.outcome() == Outcome.QUARANTINED) {
			return new Screened(verdict, null, context.sender().orElse(null), context.sender().map(m -> m.unit()).orElse(null), List.of(),
					null, java.util.Map.of());
		}
		var attachments = new java.util.ArrayList<Screened.Attachment>();
		context.attachments().forEach((kind, parts) -> parts.forEach(p -> attachments.add(new Screened.Attachment(p, kind.name()))));
		attachments.sort(java.util.Comparator.comparing(a -> a.part().path()));
		var sender = context.sender().orElse(null);
		return new Screened(verdict, context.subject().line(), sender, sender == null ? null : sender.unit(), attachments,
				context.reportText(), context.extractions());
	}
}
