package org.baosong.screening;

import java.util.ArrayList;
import java.util.List;

/** What the rules found so far, collected as the chain runs. */
final class Findings {

	private final List<Reason> rejections = new ArrayList<>();

	private final List<Reason> flags = new ArrayList<>();

	private Reason ignored;

	private Reason quarantined;

	void reject(String code, String detail) {
		if (rejections.stream().noneMatch(r -> r.code().equals(code) && r.detail().equals(detail))) {
			rejections.add(new Reason(code, detail));
		}
	}

	void ignore(String code, String detail) {
		if (ignored == null) {
			ignored = new Reason(code, detail);
		}
	}

	void quarantine(String code, String detail) {
		if (quarantined == null) {
			quarantined = new Reason(code, detail);
		}
	}

	void flag(String code, String detail) {
		if (flags.stream().noneMatch(r -> r.code().equals(code))) {
			flags.add(new Reason(code, detail));
		}
	}

	boolean decided() {
		return ignored != null || quarantined != null;
	}

	Verdict verdict() {
		if (quarantined != null) {
			return new Verdict(Outcome.QUARANTINED, List.of(quarantined), List.of());
		}
		if (ignored != null) {
			return new Verdict(Outcome.IGNORED, List.of(ignored), List.of());
		}
		if (!rejections.isEmpty()) {
			return new Verdict(Outcome.REJECTED, rejections, flags);
		}
		return new Verdict(Outcome.ACCEPTED, List.of(), flags);
	}
}
