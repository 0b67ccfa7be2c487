package org.baosong.mailbox;

import java.time.Clock;
import java.util.List;

import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the {@code mailbox} table in step with the configuration: every configured mailbox has an
 * active row (received mail references it), a mailbox removed from the configuration keeps its row,
 * inactive, so the history of what it received stays intact.
 */
class MailboxTableSync {

	private final MailboxMapper mapper;

	private final Clock clock;

	MailboxTableSync(MailboxMapper mapper, Clock clock) {
		this.mapper = mapper;
		this.clock = clock;
	}

	@Transactional
	void sync(List<MailboxDefinition> mailboxes) {
		var now = clock.instant();
		mailboxes.forEach(m -> mapper.upsert(m, now));
		mapper.deactivateAllExcept(mailboxes.stream().map(MailboxDefinition::id).toList(), now);
	}
}
