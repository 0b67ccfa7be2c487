package org.baosong.registry.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.baosong.registry.Informant;
import org.baosong.registry.Registry;
import org.baosong.registry.RegistryChanges;
import org.baosong.registry.RegistryExchange;
import org.baosong.registry.RegistryImportException;
import org.baosong.registry.Unit;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * Registry pages: sequences, units by sequence with their aliases and informants, all informants; export;
 * the all-or-nothing import with its error report; and, for administrators, one unit's edit and
 * activation (through {@link RegistryChanges}, audited).
 */
@Controller
class RegistryController {

	private final Registry registry;

	private final RegistryExchange exchange;

	private final RegistryChanges changes;

	private final MessageSource messages;

	RegistryController(Registry registry, RegistryExchange exchange, RegistryChanges changes, MessageSource messages) {
		this.registry = registry;
		this.exchange = exchange;
		this.changes = changes;
		this.messages = messages;
	}

	@GetMapping("/registry")
	String page(Model model) {
		List<Unit> allUnits = registry.units();
		List<Informant> allInformants = registry.informants();
		Map<Long, List<Informant>> informants = allInformants.stream().collect(Collectors.groupingBy(Informant::unitId));
		Map<Long, Unit> units = allUnits.stream().collect(Collectors.toMap(Unit::id, Function.identity()));
		model.addAttribute("sequences", registry.sequences());
		model.addAttribute("activeUnits", registry.activeUnitsBySequence());
		model.addAttribute("units", allUnits);
		model.addAttribute("unitsById", units);
		model.addAttribute("informants", informants);
		var position = new java.util.HashMap<Long, Integer>();
		for (int i = 0; i < allUnits.size(); i++) {
			position.put(allUnits.get(i).id(), i);
		}
		model.addAttribute("allInformants", allInformants.stream()
			.sorted(Comparator.comparingInt((Informant i) -> position.getOrDefault(i.unitId(), Integer.MAX_VALUE))
				.thenComparing(Informant::name))
			.toList());
		return "registry";
	}

	@GetMapping("/registry/units/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Unit unit = unit(id);
		Unit parent = unit.parentUnitId() == null ? null : registry.unit(unit.parentUnitId()).orElse(null);
		return editForm(unit, RegistryChanges.UnitChange.of(unit, parent), List.of(), model);
	}

	@PostMapping("/registry/units/{id}")
	String update(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam(required = false) String shortName,
			@RequestParam(required = false) String aliases, @RequestParam(required = false) String sequenceCode,
			@RequestParam(required = false) String parentCode, @RequestParam(required = false) String sortOrder, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Unit unit = unit(id);
		var change = new RegistryChanges.UnitChange(name, shortName, aliases, sequenceCode, parentCode, integer(sortOrder));
		try {
			Unit saved = changes.update(id, change);
			redirect.addFlashAttribute("notice", text("ops.registry.unit.saved", saved.code() + " " + saved.name()));
			return "redirect:/registry#unit-" + id;
		}
		catch (RegistryChanges.ChangeRefused refused) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return editForm(unit, change, refused.problems(), model);
		}
	}

	@PostMapping("/registry/units/{id}/active")
	String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
		Unit unit = unit(id);
		changes.setActive(id, active);
		redirect.addFlashAttribute("notice",
				text(active ? "ops.registry.unit.activated" : "ops.registry.unit.deactivated", unit.code() + " " + unit.name()));
		return "redirect:/registry#unit-" + id;
	}

	private String editForm(Unit unit, RegistryChanges.UnitChange change, List<RegistryChanges.FieldProblem> problems, Model model) {
		model.addAttribute("unit", unit);
		model.addAttribute("change", change);
		model.addAttribute("problems", problems);
		model.addAttribute("problemFields", problems.stream().map(RegistryChanges.FieldProblem::field).collect(Collectors.toSet()));
		model.addAttribute("sequences", registry.sequences());
		model.addAttribute("otherUnits", registry.units().stream().filter(u -> u.id() != unit.id()).toList());
		return "registry-unit";
	}

	private Unit unit(long id) {
		return registry.unit(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no unit " + id));
	}

	private static Integer integer(String text) {
		try {
			return text == null ? null : Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private String text(String key, String argument) {
		return messages.getMessage(key, new Object[] { argument }, LocaleContextHolder.getLocale());
	}

	@GetMapping("/registry/export/registry.xlsx")
	void exportXlsx(HttpServletResponse response) throws IOException {
		attachment(response, "registry.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		exchange.exportXlsx(response.getOutputStream());
	}

	@GetMapping("/registry/export/{table:units|informants}.csv")
	void exportCsv(@PathVariable String table, HttpServletResponse response)
			throws IOException {
		attachment(response, table + ".csv", "text/csv;charset=UTF-8");
		var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		if (table.equals("units")) {
			exchange.exportUnitsCsv(writer);
		}
		else {
			exchange.exportInformantsCsv(writer);
		}
		writer.flush();
	}

	/**
	 * One form for both formats: an .xlsx holds both tables; a .csv holds the table chosen in the form.
	 * A refused file re-renders the page with every problem (422), nothing imported.
	 */
	@PostMapping("/registry/import")
	String importFile(@RequestParam("file") MultipartFile file, @RequestParam(name = "table", defaultValue = "informants") String table,
			Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
		try {
			var result = name.endsWith(".csv")
					? table.equals("units") ? exchange.importCsv(file.getBytes(), null) : exchange.importCsv(null, file.getBytes())
					: exchange.importXlsx(file.getInputStream());
			redirect.addFlashAttribute("imported", result);
			return "redirect:/registry";
		}
		catch (RegistryImportException refused) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("problems", refused.problems());
			model.addAttribute("fileName", file.getOriginalFilename());
			return page(model);
		}
	}

	private static void attachment(HttpServletResponse response, String fileName, String contentType) {
		response.setContentType(contentType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
	}
}
