package org.baosong.bulletins.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baosong.bulletins.Statistics;
import org.baosong.profile.JurisdictionProfile;
import org.baosong.profile.ProfileCatalog;
import org.baosong.scoring.Standing;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The statistics pages (ADR 0026), printable: trends by month of an assessment year and the ranking of a
 * period per sequence; one unit's history; intake per day with the rejection reasons. Charts are inline SVG
 * laid out on the server ({@link SvgChart}).
 */
@Controller
class StatisticsPagesController {

	/** The days the intake page shows when none are asked for: the last 30, today included. */
	static final int DEFAULT_DAYS = 30;

	private final Statistics statistics;

	private final ProfileCatalog profiles;

	private final MessageSource messages;

	StatisticsPagesController(Statistics statistics, ProfileCatalog profiles, MessageSource messages) {
		this.statistics = statistics;
		this.profiles = profiles;
		this.messages = messages;
	}

	@GetMapping("/statistics")
	String overview(@RequestParam(required = false) String profile, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String period, Model model, Locale locale) {
		JurisdictionProfile selected = profile(profile);
		int shown = year == null ? statistics.currentYear(selected.id()) : year;
		var trends = statistics.trends(selected.id(), shown);
		var periods = statistics.periods(selected.id(), shown);
		String kind = null;
		String key = null;
		if (period != null && period.contains(":")) {
			kind = period.substring(0, period.indexOf(':'));
			key = period.substring(period.indexOf(':') + 1);
		}
		else {
			var fallback = statistics.defaultPeriod(selected.id(), shown);
			if (fallback.isPresent()) {
				kind = fallback.get().period().kind().name();
				key = fallback.get().period().key();
			}
		}
		Statistics.Ranking ranking = null;
		if (kind != null) {
			try {
				ranking = statistics.ranking(selected.id(), kind, key);
			}
			catch (Statistics.Refused refused) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, refused.getMessage());
			}
		}
		model.addAttribute("profiles", profiles.all().stream().sorted(java.util.Comparator.comparing(p -> p.id())).toList());
		model.addAttribute("profile", selected);
		model.addAttribute("year", shown);
		model.addAttribute("periods", periods);
		model.addAttribute("selectedPeriod", kind == null ? "" : kind + ":" + key);
		model.addAttribute("trends", trends);
		model.addAttribute("ranking", ranking);
		model.addAttribute("intakeChart", monthlyIntake(trends.months(), locale));
		model.addAttribute("pointsChart", monthlyPoints(trends, locale));
		model.addAttribute("rankingCharts", ranking == null ? Map.of() : rankingCharts(ranking));
		return "statistics/overview";
	}

	@GetMapping("/statistics/units/{id}")
	String unit(@PathVariable long id, @RequestParam(required = false) String profile, @RequestParam(required = false) Integer year, Model model,
			Locale locale) {
		JurisdictionProfile selected = profile(profile);
		int shown = year == null ? statistics.currentYear(selected.id()) : year;
		Statistics.UnitHistory history;
		try {
			history = statistics.unit(selected.id(), id, shown);
		}
		catch (Statistics.Refused refused) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, refused.getMessage());
		}
		model.addAttribute("profile", selected);
		model.addAttribute("year", shown);
		model.addAttribute("history", history);
		model.addAttribute("intakeChart", monthlyIntake(history.months(), locale));
		model.addAttribute("pointsChart", SvgChart.vertical(text("statistics.chart.unitPoints", locale, history.unitName()),
				history.months().stream().map(Statistics.Month::label).map(StatisticsPagesController::shortMonth).toList(),
				List.of(new SvgChart.Series(text("statistics.points", locale), history.months().stream().map(Statistics.Month::points).toList()))));
		return "statistics/unit";
	}

	@GetMapping("/statistics/intake")
	String intake(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model, Locale locale) {
		LocalDate end = to == null ? statistics.today() : to;
		LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1) : from;
		Statistics.Intake intake;
		try {
			intake = statistics.intake(start, end);
		}
		catch (Statistics.Refused refused) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, refused.getMessage());
		}
		model.addAttribute("intake", intake);
		model.addAttribute("dayChart", SvgChart.vertical(text("statistics.chart.intakeDays", locale),
				intake.days().stream().map(d -> d.day().getMonthValue() + "/" + d.day().getDayOfMonth()).toList(),
				List.of(new SvgChart.Series(text("statistics.accepted", locale), intake.days().stream().map(d -> BigDecimal.valueOf(d.accepted())).toList()),
						new SvgChart.Series(text("statistics.rejected", locale), intake.days().stream().map(d -> BigDecimal.valueOf(d.rejected())).toList()),
						new SvgChart.Series(text("statistics.quarantined", locale),
								intake.days().stream().map(d -> BigDecimal.valueOf(d.quarantined())).toList()))));
		model.addAttribute("reasonChart", intake.reasons().isEmpty() ? null
				: SvgChart.horizontal(text("statistics.chart.reasons", locale), intake.reasons().stream().map(Statistics.ReasonCount::name).toList(),
						intake.reasons().stream().map(r -> BigDecimal.valueOf(r.count())).toList(), null));
		return "statistics/intake";
	}

	private SvgChart monthlyIntake(List<Statistics.Month> months, Locale locale) {
		return SvgChart.vertical(text("statistics.chart.monthlyIntake", locale),
				months.stream().map(Statistics.Month::label).map(StatisticsPagesController::shortMonth).toList(),
				List.of(new SvgChart.Series(text("statistics.received", locale), months.stream().map(m -> BigDecimal.valueOf(m.received())).toList()),
						new SvgChart.Series(text("statistics.accepted", locale), months.stream().map(m -> BigDecimal.valueOf(m.accepted())).toList()),
						new SvgChart.Series(text("statistics.rejected", locale), months.stream().map(m -> BigDecimal.valueOf(m.rejected())).toList())));
	}

	/** Points by month, one series per sequence (at most four: the chart stays readable). */
	private SvgChart monthlyPoints(Statistics.Trends trends, Locale locale) {
		var series = new ArrayList<SvgChart.Series>();
		trends.sequences().stream().limit(4).forEach(s -> series.add(new SvgChart.Series(s.name(), s.points())));
		return SvgChart.vertical(text("statistics.chart.monthlyPoints", locale),
				trends.months().stream().map(Statistics.Month::label).map(StatisticsPagesController::shortMonth).toList(), series);
	}

	private static Map<String, SvgChart> rankingCharts(Statistics.Ranking ranking) {
		var charts = new LinkedHashMap<String, SvgChart>();
		for (var sequence : ranking.sequences()) {
			if (sequence.rows().isEmpty()) {
				continue;
			}
			var first = sequence.rows().get(0).targets();
			BigDecimal target = !first.isEmpty() && "SCORE".equals(first.get(0).measure()) ? first.get(0).required() : null;
			charts.put(sequence.code(), SvgChart.horizontal(sequence.name() + " " + ranking.label(),
					sequence.rows().stream().map(r -> r.rank() + ". " + r.unitName()).toList(),
					sequence.rows().stream().map(Standing::points).toList(), target));
		}
		return charts;
	}

	/** 2026年3月 → 3月 (the year is in the page's heading). */
	private static String shortMonth(String label) {
		return label.substring(label.indexOf('年') + 1);
	}

	private JurisdictionProfile profile(String id) {
		if (id == null || id.isBlank()) {
			return profiles.jurisdiction();
		}
		return profiles.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no profile " + id));
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
