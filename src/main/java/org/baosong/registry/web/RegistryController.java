package org.baosong.registry.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.baosong.registry.Informant;
import org.baosong.registry.Registry;
import org.baosong.registry.RegistryExchange;
import org.baosong.registry.RegistryImportException;
import org.baosong.registry.Unit;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Registry pages: the list of units and informants, export, and the all-or-nothing import. */
@Controller
class RegistryController {

	private final Registry registry;

	private final RegistryExchange exchange;

	RegistryController(Registry registry, RegistryExchange exchange) {
		this.registry = registry;
		this.exchange = exchange;
	}

	@GetMapping("/registry")
	String page(Model model) {
		Map<Long, java.util.List<Informant>> informants = registry.informants().stream()
			.collect(Collectors.groupingBy(Informant::unitId));
		Map<Long, Unit> units = registry.units().stream().collect(Collectors.toMap(Unit::id, Function.identity()));
		model.addAttribute("sequences", registry.sequences());
		model.addAttribute("units", registry.units());
		model.addAttribute("unitsById", units);
		model.addAttribute("informants", informants);
		return "registry";
	}

	@GetMapping("/registry/export/registry.xlsx")
	void exportXlsx(HttpServletResponse response) throws IOException {
		attachment(response, "registry.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		exchange.exportXlsx(response.getOutputStream());
	}

	@GetMapping("/registry/export/{table:units|informants}.csv")
	void exportCsv(@org.springframework.web.bind.annotation.PathVariable String table, HttpServletResponse response)
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
