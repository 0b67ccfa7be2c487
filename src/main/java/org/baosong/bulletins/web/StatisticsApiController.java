package org.baosong.bulletins.web;

import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.baosong.bulletins.Statistics;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The statistics pages' figures as JSON for other government systems (ADR 0026): trends by month, the ranking
 * of a period, a unit's history, intake per day. The profile defaults to the jurisdiction's, the year to the
 * current assessment year. Refusals answer 400 (404 for an unknown unit) with the reason code.
 */
@RestController
@Tag(name = "statistics")
class StatisticsApiController {

	private final Statistics statistics;

	StatisticsApiController(Statistics statistics) {
		this.statistics = statistics;
	}

	@Operation(summary = "Month by month through an assessment year: messages received and rejected, accepted submissions and points, "
			+ "overall and per sequence")
	@GetMapping("/api/statistics/trends")
	Statistics.Trends trends(@RequestParam(required = false) String profile, @RequestParam(required = false) Integer year) {
		String id = statistics.profile(profile).id();
		return statistics.trends(id, year == null ? statistics.currentYear(id) : year);
	}

	@Operation(summary = "The ranking of each sequence in an assessed period (kind QUARTER, key 2026-Q1; the latest closed period when absent): "
			+ "points, accepted submissions, targets and rank of every unit")
	@GetMapping("/api/statistics/rankings")
	Statistics.Ranking ranking(@RequestParam(required = false) String profile, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String key) {
		String id = statistics.profile(profile).id();
		if (kind == null && key == null) {
			var period = statistics.defaultPeriod(id, statistics.currentYear(id))
				.orElseThrow(() -> new Statistics.Refused("PERIOD_UNKNOWN", "no period has begun"));
			return statistics.ranking(id, period.period().kind().name(), period.period().key());
		}
		return statistics.ranking(id, kind, key);
	}

	@Operation(summary = "One unit through an assessment year: every period (points, submissions, rank, target), every month, adoptions per journal")
	@GetMapping("/api/statistics/units/{id}")
	Statistics.UnitHistory unit(@PathVariable long id, @RequestParam(required = false) String profile,
			@RequestParam(required = false) Integer year) {
		String profileId = statistics.profile(profile).id();
		return statistics.unit(profileId, id, year == null ? statistics.currentYear(profileId) : year);
	}

	@Operation(summary = "Messages per office day by outcome, and the rejection reasons, from and to both included (at most 366 days; "
			+ "the last 30 days when absent)")
	@GetMapping("/api/statistics/intake")
	Statistics.Intake intake(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		LocalDate end = to == null ? statistics.today() : to;
		return statistics.intake(from == null ? end.minusDays(StatisticsPagesController.DEFAULT_DAYS - 1) : from, end);
	}

	@ExceptionHandler(Statistics.Refused.class)
	ResponseEntity<Map<String, String>> refused(Statistics.Refused refused) {
		HttpStatus status = "UNIT_UNKNOWN".equals(refused.code()) ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
		return ResponseEntity.status(status).body(Map.of("code", refused.code(), "message", refused.getMessage()));
	}
}
