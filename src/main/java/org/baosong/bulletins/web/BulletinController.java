package org.baosong.bulletins.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.baosong.bulletins.Bulletin;
import org.baosong.bulletins.BulletinContent;
import org.baosong.bulletins.Bulletins;
import org.baosong.common.Page;
import org.baosong.profile.ProfileCatalog;
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

/**
 * The bulletins pages (ADR 0025): the list with the form that generates a bulletin for a period; a bulletin's
 * page, which follows the generation (reloaded by an HTTP Refresh, no script) and then previews the
 * bulletin — every sequence's table, the alerts, what changed since the one published before — with its
 * exports and, for administrators, publishing; a unit's explanation (its ledger lines).
 */
@Controller
class BulletinController {

	/** Seconds between reloads of a bulletin's page while it is generated. */
	static final int REFRESH_SECONDS = 2;

	private final Bulletins bulletins;

	private final ProfileCatalog profiles;

	private final MessageSource messages;

	BulletinController(Bulletins bulletins, ProfileCatalog profiles, MessageSource messages) {
		this.bulletins = bulletins;
		this.profiles = profiles;
		this.messages = messages;
	}

	@GetMapping("/bulletins")
	String list(@RequestParam(required = false) String profile, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var selected = profile == null || profile.isBlank() ? profiles.jurisdiction()
				: profiles.find(profile).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no profile " + profile));
		int shown = year == null ? bulletins.currentYear(selected.id()) : year;
		model.addAttribute("profiles", profiles.all().stream().sorted(java.util.Comparator.comparing(p -> p.id())).toList());
		model.addAttribute("profile", selected);
		model.addAttribute("year", shown);
		var periods = bulletins.periods(selected.id(), shown);
		model.addAttribute("periods", periods);
		// the period proposed: the latest one closed (what an office bulletins next)
		model.addAttribute("proposed", periods.stream().filter(p -> p.closed()).reduce((a, b) -> b).map(p -> p.period().key()).orElse(null));
		model.addAttribute("page", bulletins.list(selected.id(), page, Page.DEFAULT_SIZE));
		return "bulletins/list";
	}

	@PostMapping("/bulletins")
	String generate(@RequestParam(required = false) String profile, @RequestParam(required = false) String period,
			@RequestParam(required = false) List<String> sequences, Authentication user, RedirectAttributes flash, Locale locale) {
		String kind = period == null ? null : period.substring(0, Math.max(0, period.indexOf(':')));
		String key = period == null ? null : period.substring(period.indexOf(':') + 1);
		try {
			long id = bulletins.generate(new Bulletins.Request(profile, kind, key, sequences), user.getName());
			return "redirect:/bulletins/" + id;
		}
		catch (Bulletins.Refused refused) {
			flash.addFlashAttribute("error", refusal(refused, locale));
			return "redirect:/bulletins" + (profile == null ? "" : "?profile=" + profile);
		}
	}

	@GetMapping("/bulletins/{id}")
	String bulletin(@PathVariable long id, Model model, HttpServletResponse response) {
		Bulletin bulletin = find(id);
		model.addAttribute("bulletin", bulletin);
		model.addAttribute("refreshSeconds", REFRESH_SECONDS);
		if (bulletin.generating()) {
			response.setHeader("Refresh", String.valueOf(REFRESH_SECONDS));
			return "bulletins/progress";
		}
		if (bulletin.ready()) {
			BulletinContent content = bulletins.summary(id).orElseThrow();
			model.addAttribute("content", content);
			model.addAttribute("publishedBefore", bulletins.publishedBefore(id).orElse(null));
			model.addAttribute("differences", bulletin.published() ? List.of() : bulletins.differences(id));
			model.addAttribute("charts", charts(content));
			model.addAttribute("rejections", rejections(content));
			model.addAttribute("adoptions", adoptions(content));
		}
		return "bulletins/bulletin";
	}

	@GetMapping("/bulletins/{id}/units/{unitId}")
	String unit(@PathVariable long id, @PathVariable long unitId, Model model) {
		Bulletin bulletin = find(id);
		BulletinContent content = bulletins.unit(id, unitId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "not generated"));
		model.addAttribute("bulletin", bulletin);
		model.addAttribute("content", content);
		model.addAttribute("row", content.unit(unitId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no unit " + unitId)));
		model.addAttribute("sequence", content.sequenceOf(unitId).orElseThrow());
		model.addAttribute("alerts", content.alertsOf(unitId));
		model.addAttribute("reasonNames", reasonNames(content));
		return "bulletins/unit";
	}

	@PostMapping("/bulletins/{id}/publish")
	String publish(@PathVariable long id, Authentication user, RedirectAttributes flash, Locale locale) {
		try {
			var published = bulletins.publish(id, user.getName());
			flash.addFlashAttribute("notice", messages.getMessage("bulletins.done.published",
					new Object[] { published.bulletin().issueYear() + "年第" + published.bulletin().issueNo() + "期", published.mails() }, locale));
		}
		catch (Bulletins.Refused refused) {
			flash.addFlashAttribute("error", refusal(refused, locale));
		}
		return "redirect:/bulletins/" + id;
	}

	private Bulletin find(long id) {
		return bulletins.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no bulletin " + id));
	}

	private String refusal(Bulletins.Refused refused, Locale locale) {
		return messages.getMessage("bulletins.refused." + refused.code(), null, refused.getMessage(), locale);
	}

	private Map<String, String> reasonNames(BulletinContent content) {
		var names = new HashMap<String, String>();
		content.sequences().forEach(s -> s.rows().forEach(r -> r.rejectedByReason().keySet().forEach(c -> names.put(c, bulletins.reasonName(c)))));
		return names;
	}

	/** Per unit, its rejections by reason as a line of text (a cell's tooltip): 邮件主题格式不对 2，联系电话格式不对 1. */
	private Map<Long, String> rejections(BulletinContent content) {
		var names = reasonNames(content);
		var result = new HashMap<Long, String>();
		content.sequences().forEach(s -> s.rows().forEach(r -> result.put(r.unitId(), String.join("，",
				r.rejectedByReason().entrySet().stream().map(e -> names.get(e.getKey()) + " " + e.getValue()).toList()))));
		return result;
	}

	/** Per unit, its adoptions by journal as a line of text: 穗府信息 5，穗府信息专报 1. */
	private static Map<Long, String> adoptions(BulletinContent content) {
		var result = new HashMap<Long, String>();
		content.sequences().forEach(s -> s.rows().forEach(r -> result.put(r.unitId(), String.join("，", content.journals().stream()
			.filter(j -> r.adoptionsIn(j.code()) > 0).map(j -> j.name() + " " + r.adoptionsIn(j.code())).toList()))));
		return result;
	}

	/** The ranking of each sequence as a chart, by sequence code. */
	private static Map<String, SvgChart> charts(BulletinContent content) {
		var charts = new HashMap<String, SvgChart>();
		for (var sequence : content.sequences()) {
			if (sequence.rows().isEmpty()) {
				continue;
			}
			var first = sequence.rows().get(0);
			charts.put(sequence.code(), SvgChart.horizontal(sequence.name() + " " + content.periodLabel() + "得分排名",
					sequence.rows().stream().map(r -> r.rank() + ". " + r.unitName()).toList(),
					sequence.rows().stream().map(BulletinContent.UnitRow::points).toList(),
					"SCORE".equals(first.targetMeasure()) ? first.target() : null));
		}
		return charts;
	}
}
