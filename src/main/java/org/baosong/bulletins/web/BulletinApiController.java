package org.baosong.bulletins.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.baosong.bulletins.Bulletin;
import org.baosong.bulletins.BulletinContent;
import org.baosong.bulletins.BulletinDifference;
import org.baosong.bulletins.Bulletins;
import org.baosong.common.Page;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Bulletins as JSON and files for other systems (ADR 0025): the list, one bulletin with its content (every
 * table, alert and ledger line as computed) and its differences from the one published before, one unit's
 * row, the XLSX and DOCX (also the pages' download links), generating (answered 202 at once: poll the
 * bulletin until its state is DRAFT) and publishing. Refusals answer with the reason code: 404 NOT_FOUND,
 * 400 PROFILE_UNKNOWN, PERIOD_UNKNOWN, SEQUENCE_UNKNOWN, 409 NOT_DRAFT, PERIOD_OPEN, DRAFT_STALE.
 */
@RestController
@Tag(name = "bulletins")
class BulletinApiController {

	private final Bulletins bulletins;

	BulletinApiController(Bulletins bulletins) {
		this.bulletins = bulletins;
	}

	/** A bulletin; its content and differences once generated (null while generating or failed). */
	record Detail(Bulletin bulletin, BulletinContent content, List<BulletinDifference> differences) {
	}

	record Published(Bulletin bulletin, int mails) {
	}

	/** What to generate: the profile (the jurisdiction's when absent), the period (QUARTER, 2026-Q1), the sequences (all when absent). */
	record NewBulletin(String profileId, String periodKind, String periodKey, List<String> sequences) {
	}

	@Operation(summary = "Bulletins of a profile, newest first (all profiles when none is given)")
	@GetMapping("/api/bulletins")
	Page<Bulletin> list(@RequestParam(required = false) String profile, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return bulletins.list(profile, page, size);
	}

	@Operation(summary = "Starts generating a bulletin for a profile period; answered 202 with the bulletin (state GENERATING)")
	@PostMapping("/api/bulletins")
	ResponseEntity<Bulletin> generate(@RequestBody NewBulletin request, Authentication user) {
		long id = bulletins.generate(new Bulletins.Request(request.profileId(), request.periodKind(), request.periodKey(), request.sequences()),
				user.getName());
		return ResponseEntity.accepted().location(URI.create("/api/bulletins/" + id)).body(bulletins.find(id).orElseThrow());
	}

	@Operation(summary = "A bulletin: its state and progress, and once generated every table, alert and ledger line, and what changed since the "
			+ "bulletin published before for the same period")
	@GetMapping("/api/bulletins/{id}")
	Detail bulletin(@PathVariable long id) {
		Bulletin bulletin = bulletins.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no bulletin " + id));
		if (!bulletin.ready()) {
			return new Detail(bulletin, null, null);
		}
		return new Detail(bulletin, bulletins.content(id).orElseThrow(), bulletin.published() ? List.of() : bulletins.differences(id));
	}

	@Operation(summary = "One unit of a bulletin: its figures, rank and explanation (its ledger lines)")
	@GetMapping("/api/bulletins/{id}/units/{unitId}")
	BulletinContent.UnitRow unit(@PathVariable long id, @PathVariable long unitId) {
		return bulletins.unit(id, unitId).flatMap(c -> c.unit(unitId))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no unit " + unitId + " in bulletin " + id));
	}

	@Operation(summary = "Publishes a draft (administrators): 第N期, the files archived, one mail per informant of every unit")
	@PostMapping("/api/bulletins/{id}/publish")
	Published publish(@PathVariable long id, Authentication user) {
		var published = bulletins.publish(id, user.getName());
		return new Published(published.bulletin(), published.mails());
	}

	@Operation(summary = "The bulletin as a workbook: a sheet per sequence, the alerts, the rejections, the ledger lines (the archived file once published)")
	@GetMapping({ "/bulletins/{id}/export.xlsx", "/api/bulletins/{id}/export.xlsx" })
	ResponseEntity<byte[]> xlsx(@PathVariable long id) {
		return download(bulletins.xlsx(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no generated bulletin " + id)));
	}

	@Operation(summary = "The bulletin as a formal DOCX document with the ranking charts (the archived file once published)")
	@GetMapping({ "/bulletins/{id}/export.docx", "/api/bulletins/{id}/export.docx" })
	ResponseEntity<byte[]> docx(@PathVariable long id) {
		return download(bulletins.docx(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no generated bulletin " + id)));
	}

	private static ResponseEntity<byte[]> download(Bulletins.Exported exported) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(exported.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(exported.filename(), StandardCharsets.UTF_8).build().toString())
			.body(exported.content());
	}

	@ExceptionHandler(Bulletins.Refused.class)
	ResponseEntity<Map<String, String>> refused(Bulletins.Refused refused) {
		HttpStatus status = switch (refused.code()) {
			case "NOT_FOUND" -> HttpStatus.NOT_FOUND;
			case "NOT_DRAFT", "PERIOD_OPEN", "DRAFT_STALE" -> HttpStatus.CONFLICT;
			default -> HttpStatus.BAD_REQUEST;
		};
		return ResponseEntity.status(status).body(Map.of("code", refused.code(), "message", refused.getMessage()));
	}
}
