package org.baosong.editorial.web;

import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.baosong.editorial.docx.IssueExport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * An issue as a DOCX download (ADR 0019), draft or published, for everyone who may read the issue: on
 * the issue page, and under /api for scripts (HTTP Basic). A read: not audited. The file name is
 * Chinese (穗府信息2026年第1期.docx), sent in RFC 5987 form.
 */
@Controller
@Tag(name = "journals")
class IssueExportController {

	private final IssueExport export;

	IssueExportController(IssueExport export) {
		this.export = export;
	}

	@Operation(summary = "An issue as a DOCX document built from its journal's template (draft or published)")
	@GetMapping({ "/issues/{id}/export.docx", "/api/issues/{id}/export.docx" })
	ResponseEntity<byte[]> export(@PathVariable long id) {
		var exported = export.export(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no issue " + id));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(IssueExport.CONTENT_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(exported.filename(), StandardCharsets.UTF_8).build().toString())
			.body(exported.content());
	}
}
