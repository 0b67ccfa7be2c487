package org.baosong.scoring.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.baosong.profile.JurisdictionProfile;
import org.baosong.profile.PeriodKind;
import org.baosong.profile.ProfileCatalog;
import org.baosong.registry.Registry;
import org.baosong.scoring.LedgerLine;
import org.baosong.scoring.PeriodCloses;
import org.baosong.scoring.PeriodLabels;
import org.baosong.scoring.PeriodRef;
import org.baosong.scoring.Recompute;
import org.baosong.scoring.Scores;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The scoring pages: the periods of an assessment year with their closes and a period's standings and alerts
 * (everyone; administrators close periods); a unit's ledger lines in a period; the administrators' comparison
 * of the ledger with its recompute (or with a changed profile file) and the button that applies it. Bulletins
 * and statistics are built on the same {@link Scores} elsewhere.
 */
@Controller
class ScoringController {

	private final Scores scores;

	private final PeriodCloses closes;

	private final Recompute recompute;

	private final ProfileCatalog profiles;

	private final Registry registry;

	private final MessageSource messages;

	private final Clock clock;

	ScoringController(Scores scores, PeriodCloses closes, Recompute recompute, ProfileCatalog profiles, Registry registry,
			MessageSource messages, Clock clock) {
		this.scores = scores;
		this.closes = closes;
		this.recompute = recompute;
		this.profiles = profiles;
		this.registry = registry;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/scoring")
	String overview(@RequestParam(required = false) String profile, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String key, Model model) {
		var p = profile(profile);
		LocalDate today = LocalDate.now(clock);
		int y = year != null ? year : p.calendar().assessmentYear(today);
		PeriodRef period = current(p, today);
		if (kind != null && key != null) {
			try {
				period = PeriodRef.of(kind, key);
			}
			catch (PeriodCloses.Refused refused) {
				model.addAttribute("error", refused.code() + "：" + refused.getMessage());
			}
		}
		model.addAttribute("profiles", profiles.all().stream().sorted(java.util.Comparator.comparing(JurisdictionProfile::id)).toList());
		model.addAttribute("profile", p);
		model.addAttribute("year", y);
		model.addAttribute("periods", scores.periods(p.id(), y));
		model.addAttribute("today", today);
		model.addAttribute("period", period);
		model.addAttribute("periodLabel", PeriodLabels.of(period));
		try {
			model.addAttribute("standings", scores.standings(p.id(), period));
			model.addAttribute("alerts", scores.alerts(p.id(), period));
			model.addAttribute("closed", scores.close(p.id(), period).orElse(null));
		}
		catch (PeriodCloses.Refused refused) {
			model.addAttribute("error", refused.code() + "：" + refused.getMessage());
		}
		return "scoring/overview";
	}

	@GetMapping("/scoring/units/{unitId}")
	String unit(@PathVariable long unitId, @RequestParam(required = false) String profile, @RequestParam String kind,
			@RequestParam String key, Model model) {
		var p = profile(profile);
		var unit = registry.unit(unitId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no unit " + unitId));
		var period = PeriodRef.of(kind, key);
		var lines = scores.lines(p.id(), unitId, period);
		model.addAttribute("profile", p);
		model.addAttribute("unit", unit);
		model.addAttribute("period", period);
		model.addAttribute("periodLabel", PeriodLabels.of(period));
		model.addAttribute("lines", lines);
		model.addAttribute("total", lines.stream().map(LedgerLine::points).reduce(BigDecimal.ZERO, BigDecimal::add));
		model.addAttribute("submissions", lines.stream().filter(LedgerLine::quantity).count());
		return "scoring/unit";
	}

	@PostMapping("/scoring/close")
	String close(@RequestParam String profile, @RequestParam String kind, @RequestParam String key,
			@RequestParam(defaultValue = "false") boolean again, Authentication user, RedirectAttributes flash, Locale locale) {
		var period = PeriodRef.of(kind, key);
		try {
			var outcome = closes.close(profile(profile).id(), period, user.getName(), again);
			flash.addFlashAttribute("notice", messages.getMessage(outcome.written() ? "scoring.closed" : "scoring.already-closed",
					new Object[] { PeriodLabels.of(period), outcome.added(), outcome.reversed() }, locale));
		}
		catch (PeriodCloses.Refused refused) {
			flash.addFlashAttribute("error", messages.getMessage("scoring.refused." + refused.code(), new Object[] { refused.getMessage() },
					refused.getMessage(), locale));
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/scoring").queryParam("profile", profile).queryParam("kind", period.kind())
			.queryParam("key", period.key()).build().encode().toUriString();
	}

	@GetMapping("/admin/scoring/recompute")
	String check(@RequestParam(required = false) String profile, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String key, @RequestParam(defaultValue = "ledger") String source, Model model) {
		var p = profile(profile);
		PeriodRef period = kind != null && key != null && !key.isBlank() ? PeriodRef.of(kind, key) : null;
		model.addAttribute("profiles", profiles.all().stream().map(JurisdictionProfile::id).sorted().toList());
		model.addAttribute("profile", p);
		model.addAttribute("period", period);
		model.addAttribute("source", source);
		try {
			model.addAttribute("report", "file".equals(source) ? recompute.preview(p.id(), null, period) : recompute.check(p.id(), period));
		}
		catch (org.baosong.common.ConfigurationError error) {
			model.addAttribute("error", error.key() + "：" + error.getMessage());
		}
		catch (PeriodCloses.Refused refused) {
			model.addAttribute("error", refused.code() + "：" + refused.getMessage());
		}
		return "scoring/recompute";
	}

	@PostMapping("/admin/scoring/recompute")
	String apply(@RequestParam String profile, Authentication user, RedirectAttributes flash, Locale locale) {
		var report = recompute.apply(profile(profile).id(), user.getName());
		flash.addFlashAttribute("notice", messages.getMessage("scoring.recompute.applied",
				new Object[] { report.differences().size(), report.units().size() }, locale));
		return "redirect:" + UriComponentsBuilder.fromPath("/admin/scoring/recompute").queryParam("profile", profile).build().encode()
			.toUriString();
	}

	private JurisdictionProfile profile(String id) {
		if (id == null || id.isBlank()) {
			return profiles.jurisdiction();
		}
		return profiles.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no profile " + id));
	}

	/** The shortest assessed period (not a week) holding today. */
	private static PeriodRef current(JurisdictionProfile profile, LocalDate today) {
		PeriodKind kind = profile.calendar().periods().stream().filter(k -> k != PeriodKind.WEEK).min(Enum::compareTo).orElse(PeriodKind.YEAR);
		LocalDate day = profile.calendar().assessed(today) ? today : profile.calendar().endOf(profile.calendar().assessmentYear(today));
		return new PeriodRef(kind, profile.calendar().periods(day).of(kind));
	}
}
