package org.kapclinic.reports;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@PreAuthorize("hasRole('ADMIN')")
@RestController
@Tag(name = "Reports")
class ResearchExportApi {

	private final ResearchExports exports;

	ResearchExportApi(ResearchExports exports) {
		this.exports = exports;
	}

	@PostMapping("/api/v1/exports/research")
	@Operation(summary = "Request a de-identified research export (HIPAA Safe Harbor)",
			description = "ADMIN, with a written purpose (20 to 2,000 characters) and, where the administrator has a "
					+ "second factor, a current code in X-KAP-OTP. Answers 202 with the export's status; it runs in "
					+ "the background. Audited as EXPORT. The ZIP holds patients, courses, sessions, measurements and "
					+ "adverse events as CSV with a data dictionary: study ids new in every export, days since the "
					+ "first dose instead of dates, ages over 89 as 90+, the state only, no names, contacts, record "
					+ "numbers or free text.")
	ResponseEntity<ResearchExport> request(@Valid @RequestBody ExportRequest request) {
		ResearchExport export = this.exports.request(request.purpose());
		return ResponseEntity.accepted().location(URI.create("/api/v1/exports/research/" + export.id())).body(export);
	}

	@GetMapping("/api/v1/exports/research/{id}")
	@Operation(summary = "A research export's status: QUEUED, RUNNING, DONE (with the file's address) or FAILED")
	ResearchExport status(@PathVariable UUID id) {
		return this.exports.find(id);
	}

	@GetMapping("/api/v1/exports/research/{id}/file")
	@Operation(summary = "Download a finished research export (ZIP); audited as EXPORT",
			description = "422 while the export is not done, or once its file is past kap.reports.export-retention.")
	ResponseEntity<byte[]> file(@PathVariable UUID id) {
		byte[] file = this.exports.file(id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kap-research-export-" + id + ".zip\"")
			.body(file);
	}

	record ExportRequest(@NotBlank @Size(max = 2000) String purpose) {
	}

}
