package org.baosong.editorial.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.baosong.editorial.Commissions;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Commissions (约稿) as JSON: the list with how the targets stand, and one commission with its targets. */
@RestController
@Tag(name = "commissions")
class CommissionApiController {

	private final Commissions commissions;

	CommissionApiController(Commissions commissions) {
		this.commissions = commissions;
	}

	/** A commission and how many of its units answered on time, late, are missing, or may still answer. */
	record Summary(long id, String profileId, String code, String topic, Instant deadline, String state, String createdBy,
			Instant createdAt, Instant closedAt, long targets, long answered, long late, long missing, long pending) {

		static Summary of(Commissions.Summary s) {
			return new Summary(s.id(), s.profileId(), s.code(), s.topic(), s.deadline(), s.state(), s.createdBy(), s.createdAt(),
					s.closedAt(), s.targets(), s.answered(), s.late(), s.missing(), s.pending());
		}
	}

	/** One commission; each target's state is PENDING, ANSWERED, LATE or MISSING. */
	record Detail(Commissions.Detail commission, List<Commissions.Target> targets) {
	}

	@Operation(summary = "The commissions, latest deadline first, with the counts of answered, late, missing and pending units")
	@GetMapping("/api/commissions")
	List<Summary> list() {
		return commissions.list().stream().map(Summary::of).toList();
	}

	@Operation(summary = "One commission with its target units: state (PENDING, ANSWERED, LATE, MISSING) and the answering submission")
	@GetMapping("/api/commissions/{id}")
	Detail detail(@PathVariable long id) {
		var commission = commissions.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no commission " + id));
		return new Detail(commission, commissions.targets(id));
	}
}
