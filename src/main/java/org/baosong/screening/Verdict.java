package org.baosong.screening;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the rules decided: the outcome, every violated rule (all of them, so a sender fixes everything
 * in one go), and the flags that go with an accepted submission for the editors.
 */
public record Verdict(Outcome outcome, List<Reason> reasons, List<Reason> flags) {

	public Verdict {
		reasons = List.copyOf(reasons);
		flags = List.copyOf(flags);
	}

	public Set<String> reasonCodes() {
		var codes = new TreeSet<String>();
		reasons.forEach(r -> codes.add(r.code()));
		return codes;
	}

	public Set<String> flagCodes() {
		var codes = new TreeSet<String>();
		flags.forEach(r -> codes.add(r.code()));
		return codes;
	}
}
