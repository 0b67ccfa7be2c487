package org.baosong.search.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.baosong.search.Highlight;
import org.baosong.search.IndexStatus;
import org.baosong.search.SearchHit;
import org.baosong.search.SubmissionSearch;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Full-text search as JSON, with the same parameters as the page. */
@RestController
@Tag(name = "search", description = "Full-text search over all submissions")
class SearchApiController {

	private final SubmissionSearch search;

	SearchApiController(SubmissionSearch search) {
		this.search = search;
	}

	/**
	 * @param titleHtml     the title, HTML-escaped, matches in {@code <mark>}
	 * @param fragmentsHtml up to two fragments of the text (or of the attachments' text), likewise
	 * @param url           the submission's page
	 */
	record Hit(long id, String trackingNo, String url, String title, String titleHtml, List<String> fragmentsHtml, long unitId,
			String unitName, String sequence, String type, String state, List<String> flags, Instant receivedAt) {

		static Hit of(SearchHit hit) {
			return new Hit(hit.id(), hit.trackingNo(), "/submissions/" + hit.id(), hit.title().text(), hit.title().html(),
					hit.fragments().stream().map(Highlight::html).toList(), hit.unitId(), hit.unitName(), hit.sequenceCode(), hit.type(),
					hit.state(), hit.flags(), hit.receivedAt());
		}
	}

	/** @param totalIsLowerBound the search matches at least {@code total} submissions (counting stops at 10,000) */
	record Results(long total, boolean totalIsLowerBound, int page, int size, List<Hit> items, IndexStatus index) {
	}

	@GetMapping("/api/search")
	@Operation(summary = "Search submissions", description = "q: words and phrases (space-separated parts all required, "
			+ "\"quoted\" parts exact, a tracking number finds its submission); filters unit (id), sequence, type, state, flag, "
			+ "from/to (yyyy-MM-dd, office time zone, inclusive); order RELEVANCE, NEWEST or OLDEST; page (from 0) and size (up to 100).")
	Results search(SearchForm form, BindingResult binding) {
		if (binding.hasErrors()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"invalid parameter(s): " + String.join(", ", binding.getFieldErrors().stream().map(e -> e.getField()).distinct().toList()));
		}
		var page = search.search(form.criteria());
		return new Results(page.total(), page.atLeast(), page.number(), page.size(), page.items().stream().map(Hit::of).toList(),
				search.status());
	}

	@GetMapping("/api/search/status")
	@Operation(summary = "What the search index holds, and whether a rebuild is running")
	IndexStatus status() {
		return search.status();
	}

	@PostMapping("/api/search/rebuild")
	@Operation(summary = "Rebuild the search index from the database, in the background (administrators)")
	ResponseEntity<IndexStatus> rebuild() {
		search.rebuild();
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(search.status());
	}
}
