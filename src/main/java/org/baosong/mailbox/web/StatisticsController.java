package org.baosong.mailbox.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.baosong.common.BaosongProperties;
import org.baosong.mailbox.InboundMessages;
import org.baosong.registry.Registry;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Intake statistics for other systems and the dashboard: per office day, the number of messages by
 * mailbox, unit and outcome, and the number of times each reason code was given.
 */
@RestController
@Tag(name = "statistics")
class StatisticsController {

	private final InboundMessages inbound;

	private final Registry registry;

	private final ZoneId zone;

	StatisticsController(InboundMessages inbound, Registry registry, BaosongProperties properties) {
		this.inbound = inbound;
		this.registry = registry;
		this.zone = properties.timeZone();
	}

	record OutcomeCount(LocalDate day, String mailbox, Long unitId, String unit, String outcome, long count) {
	}

	record ReasonCount(LocalDate day, String code, long count) {
	}

	record Statistics(LocalDate from, LocalDate to, List<OutcomeCount> outcomes, List<ReasonCount> reasons) {
	}

	/** {@code from} and {@code to} are office days, both inclusive; at most a year. */
	@Operation(summary = "Messages per office day, mailbox, unit and outcome, and rejection reasons per day")
	@GetMapping("/api/stats/outcomes")
	Statistics outcomes(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		if (to.isBefore(from) || from.plusYears(1).isBefore(to)) {
			throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
					"from must not be after to, and the range is at most a year");
		}
		var outcomes = new TreeMap<String, long[]>();
		var keys = new java.util.HashMap<String, OutcomeCount>();
		var reasons = new TreeMap<String, long[]>();
		for (var row : inbound.outcomes(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant())) {
			LocalDate day = row.receivedAt().atZone(zone).toLocalDate();
			String key = day + "|" + row.mailboxId() + "|" + row.unitId() + "|" + row.status();
			outcomes.computeIfAbsent(key, k -> new long[1])[0]++;
			keys.putIfAbsent(key, new OutcomeCount(day, row.mailboxId(), row.unitId(), null, row.status().name(), 0));
			if (row.reasonCodes() != null) {
				for (String code : row.reasonCodes().split(",")) {
					reasons.computeIfAbsent(day + "|" + code, k -> new long[1])[0]++;
				}
			}
		}
		Map<Long, String> unitNames = new java.util.HashMap<>();
		registry.units().forEach(u -> unitNames.put(u.id(), u.name()));
		var outcomeCounts = new ArrayList<OutcomeCount>();
		outcomes.forEach((key, n) -> {
			var k = keys.get(key);
			outcomeCounts.add(new OutcomeCount(k.day(), k.mailbox(), k.unitId(), k.unitId() == null ? null : unitNames.get(k.unitId()),
					k.outcome(), n[0]));
		});
		var reasonCounts = new ArrayList<ReasonCount>();
		reasons.forEach((key, n) -> reasonCounts.add(new ReasonCount(LocalDate.parse(key.substring(0, 10)), key.substring(11), n[0])));
		return new Statistics(from, to, outcomeCounts, reasonCounts);
	}
}
