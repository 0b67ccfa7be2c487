package org.baosong.mailbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import org.baosong.common.ConfigurationError;

/** The mailboxes the gateway watches: those of {@code baosong.mailboxes[...]} plus the embedded demo one. */
public class Mailboxes {

	private final List<MailboxDefinition> definitions;

	Mailboxes(List<MailboxDefinition> definitions) {
		var ids = new HashSet<String>();
		for (int i = 0; i < definitions.size(); i++) {
			if (!ids.add(definitions.get(i).id())) {
				throw new ConfigurationError("baosong.mailboxes[" + i + "].id",
						"'" + definitions.get(i).id() + "' is used by two mailboxes"
								+ (EmbeddedMailServer.MAILBOX_ID.equals(definitions.get(i).id())
										? " ('demo' is the embedded mailbox's id)" : ""));
			}
		}
		this.definitions = List.copyOf(new ArrayList<>(definitions));
	}

	public List<MailboxDefinition> all() {
		return definitions;
	}

	public Optional<MailboxDefinition> find(String id) {
		return definitions.stream().filter(d -> d.id().equals(id)).findFirst();
	}
}
