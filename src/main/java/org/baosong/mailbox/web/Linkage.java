package org.baosong.mailbox.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.baosong.mailbox.InboundLinks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Everything the other modules contribute about inbound messages ({@link InboundLinks}), merged. */
@Component
class Linkage {

	private final List<InboundLinks> sources;

	Linkage(ObjectProvider<InboundLinks> sources) {
		this.sources = sources.orderedStream().toList();
	}

	Map<Long, InboundLinks.Filed> submissions(Collection<Long> inboundIds) {
		var filed = new HashMap<Long, InboundLinks.Filed>();
		if (!inboundIds.isEmpty()) {
			sources.forEach(s -> filed.putAll(s.submissions(inboundIds)));
		}
		return filed;
	}

	List<InboundLinks.Answer> answers(long inboundId) {
		var answers = new ArrayList<InboundLinks.Answer>();
		sources.forEach(s -> answers.addAll(s.answers(inboundId)));
		answers.sort(java.util.Comparator.comparing(InboundLinks.Answer::createdAt).thenComparingLong(InboundLinks.Answer::outboundId));
		return answers;
	}

	/** Code to name; a code nobody names is shown as itself. */
	Map<String, String> reasonNames() {
		var names = new java.util.TreeMap<String, String>();
		sources.forEach(s -> s.reasonNames().forEach(names::putIfAbsent));
		return names;
	}
}
