package org.baosong.scoring.web;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.baosong.scoring.Activity;
import org.baosong.scoring.Alert;
import org.baosong.scoring.LedgerLine;
import org.baosong.scoring.PeriodCloses;
import org.baosong.scoring.PeriodRef;
import org.baosong.scoring.Recompute;
import org.baosong.scoring.Scores;
import org.baosong.scoring.Standing;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger as JSON, for bulletins, statistics and other tools: periods and their closes, standings with
 * targets and ranks, alerts, activity counts, a unit's lines; for administrators the close, the recompute
 * check, the preview of a changed profile and applying a recompute. A period is {@code kind} (YEAR, HALF,
 * QUARTER, MONTH) and {@code key} (2026, 2026-H1, 2026-Q1, 2025-12). A refusal answers 404 (no such profile) or
 * 400/409 with its reason code.
 */
@RestController
@Tag(name = "scoring")
class ScoringApiController {

	private final Scores scores;

	private final PeriodCloses closes;

	private final Recompute recompute;

	ScoringApiController(Scores scores, PeriodCloses closes, Recompute recompute) {
		this.scores = scores;
		this.closes = closes;
		this.recompute = recompute;
	}

	@Operation(summary = "The assessed periods of an assessment year, with their closes")
	@GetMapping("/api/scoring/{profile}/periods")
	List<Scores.PeriodStatus> periods(@PathVariable String profile, @RequestParam int year) {
		return scores.periods(profile, year);
	}

	@Operation(summary = "Every unit of the profile's sequences in a period: points, submissions, targets, completion, rank")
	@GetMapping("/api/scoring/{profile}/standings")
	List<Standing> standings(@PathVariable String profile, @RequestParam String kind, @RequestParam String key) {
		return scores.standings(profile, period(kind, key));
	}

	@Operation(summary = "The alerts of a closed period (missed targets, consecutive misses, zero adoption, praise)")
	@GetMapping("/api/scoring/{profile}/alerts")
	List<Alert> alerts(@PathVariable String profile, @RequestParam String kind, @RequestParam String key) {
		return scores.alerts(profile, period(kind, key));
	}

	@Operation(summary = "Per unit, the standing acts of a period counted: adoptions per journal, instructions, upper adoptions ...")
	@GetMapping("/api/scoring/{profile}/activity")
	Collection<Activity> activity(@PathVariable String profile, @RequestParam String kind, @RequestParam String key) {
		return scores.activity(profile, period(kind, key)).values();
	}

	/** A unit's explanation: its lines (with reversals) and their sum. */
	record UnitLines(long unitId, PeriodRef period, BigDecimal total, List<LedgerLine> lines) {
	}

	@Operation(summary = "A unit's ledger lines in a period (with reversals, oldest first) and their sum")
	@GetMapping("/api/scoring/{profile}/units/{unitId}/lines")
	UnitLines lines(@PathVariable String profile, @PathVariable long unitId, @RequestParam String kind, @RequestParam String key) {
		var period = period(kind, key);
		var lines = scores.lines(profile, unitId, period);
		return new UnitLines(unitId, period, lines.stream().map(LedgerLine::points).reduce(BigDecimal.ZERO, BigDecimal::add), lines);
	}

	@Operation(summary = "Closes a period (again=true: closes a closed one again, writing only the difference); ADMIN")
	@PostMapping("/api/scoring/{profile}/closes")
	PeriodCloses.Outcome close(@PathVariable String profile, @RequestParam String kind, @RequestParam String key,
			@RequestParam(defaultValue = "false") boolean again, Authentication user) {
		return closes.close(profile, period(kind, key), user.getName(), again);
	}

	@Operation(summary = "The ledger (or one period) compared with its recompute from the act stream; ADMIN")
	@GetMapping("/api/scoring/{profile}/recompute")
	Recompute.Report check(@PathVariable String profile, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String key) {
		return recompute.check(profile, kind == null || key == null ? null : period(kind, key));
	}

	@Operation(summary = "What a changed profile would change, unit by unit: the YAML in the body, or the file on disk when empty; ADMIN")
	@PostMapping("/api/scoring/{profile}/preview")
	Recompute.Report preview(@PathVariable String profile, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String key, @RequestBody(required = false) String yaml) {
		return recompute.preview(profile, yaml, kind == null || key == null ? null : period(kind, key));
	}

	@Operation(summary = "Writes the differences between the ledger and its recompute (reversing and new rows), audited; ADMIN")
	@PostMapping("/api/scoring/{profile}/recompute")
	Recompute.Report apply(@PathVariable String profile, Authentication user) {
		return recompute.apply(profile, user.getName());
	}

	private static PeriodRef period(String kind, String key) {
		return PeriodRef.of(kind, key);
	}

	@ExceptionHandler(PeriodCloses.Refused.class)
	ResponseEntity<Map<String, String>> refused(PeriodCloses.Refused refused) {
		HttpStatus status = switch (refused.code()) {
			case "PROFILE_UNKNOWN" -> HttpStatus.NOT_FOUND;
			case "PERIOD_NOT_OVER", "EARLIER_PERIOD_OPEN" -> HttpStatus.CONFLICT;
			default -> HttpStatus.BAD_REQUEST;
		};
		return ResponseEntity.status(status).body(Map.of("code", refused.code(), "message", refused.getMessage()));
	}

	@ExceptionHandler(org.baosong.common.ConfigurationError.class)
	ResponseEntity<Map<String, String>> invalidProfile(org.baosong.common.ConfigurationError error) {
		return ResponseEntity.badRequest().body(Map.of("code", "PROFILE_INVALID", "key", error.key(), "message", error.getMessage()));
	}
}
