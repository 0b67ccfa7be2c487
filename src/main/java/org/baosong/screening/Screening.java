package org.baosong.screening;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.registry.Registry;
import org.springframework.stereotype.Service;

/**
 * Judges a parsed message against the rules of its mailbox's profile ({@link ScreeningRules}) and says
 * what it is: ACCEPTED (with flags), REJECTED (with every reason), IGNORED or QUARANTINED.
 */
@Service
public class Screening {

	private static final Logger log = LoggerFactory.getLogger(Screening.class);

	static final String INTERNAL_ERROR = "INTERNAL_ERROR";

	private final Registry registry;

	private final List<ScreeningRules.Entry> chain;

	Screening(Registry registry, ScreeningProperties properties, org.baosong.editorial.Submissions submissions,
			org.baosong.mailbox.InboundMessages inbound) {
		this.registry = registry;
		this.chain = ScreeningRules.chain(properties.loopId(), submissions, inbound);
	}

	public Verdict screen(ScreeningInput input) {
		var context = new ScreeningContext(input, registry);
		var findings = new Findings();
		for (ScreeningRules.Entry entry : chain) {
			try {
				entry.rule().check(context, findings);
			}
			catch (Exception ex) {
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
		return findings.verdict();
	}
}
