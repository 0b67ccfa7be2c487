package org.baosong.screening;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The outcome of parsing a subject. {@code line} is non-null when the subject could be understood
 * well enough to name its parts (it may still have problems); it is null only when the subject is
 * empty, has nothing readable, or is a reply/forward with nothing but a title behind the prefix.
 */
public record SubjectParse(SubjectLine line, List<SubjectProblem> problems) {

	public SubjectParse {
		problems = List.copyOf(problems);
	}

	public boolean ok() {
		return line != null && problems.isEmpty();
	}

	/** The distinct reason codes, in the order the problems were found. */
	public Set<String> reasonCodes() {
		var codes = new LinkedHashSet<String>();
		problems.forEach(p -> codes.add(p.reasonCode()));
		return Collections.unmodifiableSet(codes);
	}
}
