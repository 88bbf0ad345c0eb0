package org.kapclinic.fhir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.servlet.http.HttpServletResponse;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk Data Access 2.0 (https://hl7.org/fhir/uv/bulkdata/export.html): kick-off at
 * {@code /fhir/$export}, {@code /fhir/Patient/$export} and {@code Group/{id}/$export}
 * ({@link GroupProvider}) ({@code Prefer: respond-async} → 202 with
 * {@code Content-Location}), the status at {@code $export-poll-status?_jobId=} (202 with
 * {@code X-Progress} while running, 200 with the manifest when done, DELETE cancels), and
 * each NDJSON file at {@code $export-file?_jobId=&_part=}, behind the same token as the
 * kick-off.
 */
@Component
class BulkExportProvider implements FhirPlainProvider {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BulkExports exports;

	BulkExportProvider(BulkExports exports) {
		this.exports = exports;
	}

	@Operation(name = "$export", manualResponse = true, idempotent = true)
	public void exportEverything(ServletRequestDetails details,
			@OperationParam(name = "_outputFormat") StringType outputFormat,
			@OperationParam(name = "_type") StringType type, @OperationParam(name = "_since") StringType since,
			@OperationParam(name = "_typeFilter", max = OperationParam.MAX_UNLIMITED) List<StringType> typeFilter) {
		kickOff("SYSTEM", null, details, outputFormat, type, since, typeFilter);
	}

	@Operation(name = "$export", typeName = "Patient", manualResponse = true, idempotent = true)
	public void exportPatients(ServletRequestDetails details,
			@OperationParam(name = "_outputFormat") StringType outputFormat,
			@OperationParam(name = "_type") StringType type, @OperationParam(name = "_since") StringType since,
			@OperationParam(name = "_typeFilter", max = OperationParam.MAX_UNLIMITED) List<StringType> typeFilter) {
		kickOff("PATIENT", null, details, outputFormat, type, since, typeFilter);
	}

	@Operation(name = "$export-poll-status", manualResponse = true, idempotent = true, deleteEnabled = true)
	public void status(ServletRequestDetails details, @OperationParam(name = "_jobId", min = 1) StringType jobId)
			throws IOException {
		UUID id = FhirIds.uuid(jobId.getValue(), jobId.getValue());
		HttpServletResponse response = details.getServletResponse();
		if (details.getRequestType() == RequestTypeEnum.DELETE) {
			this.exports.cancel(id);
			response.setStatus(202);
			return;
		}
		ExportJobs.ExportJob job = this.exports.status(id);
		switch (job.status()) {
			case "ACCEPTED", "RUNNING" -> {
				response.setStatus(202);
				response.setHeader("X-Progress", job.patientsDone() + " patients written");
				response.setHeader("Retry-After", "2");
			}
			case "COMPLETE" -> {
				response.setStatus(200);
				response.setContentType("application/json");
				response.setHeader("Expires", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
					.format(job.expiresAt().atZone(java.time.ZoneOffset.UTC)));
				write(response, JSON.writeValueAsString(manifest(details, job)));
			}
			case "FAILED" -> throw new InternalErrorException(job.error());
			default -> throw new ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException("This export was "
					+ job.status().toLowerCase(java.util.Locale.ROOT) + " and its files deleted; start another.");
		}
	}

	@Operation(name = "$export-file", manualResponse = true, idempotent = true)
	public void file(ServletRequestDetails details, @OperationParam(name = "_jobId", min = 1) StringType jobId,
			@OperationParam(name = "_part", min = 1) StringType part) throws IOException {
		int number;
		try {
			number = Integer.parseInt(part.getValue());
		}
		catch (NumberFormatException ex) {
			throw new InvalidRequestException("_part must be a file number from the manifest");
		}
		String ndjson = this.exports.file(FhirIds.uuid(jobId.getValue(), jobId.getValue()), number);
		HttpServletResponse response = details.getServletResponse();
		response.setStatus(200);
		response.setContentType(ExportRequest.NDJSON);
		write(response, ndjson);
	}

	/**
	 * Starts an export at a level ({@code SYSTEM}, {@code PATIENT}, or {@code GROUP} of
	 * one program).
	 */
	void kickOff(String level, String program, ServletRequestDetails details, StringType outputFormat, StringType type,
			StringType since, List<StringType> typeFilter) {
		String prefer = details.getHeader("Prefer");
		if (prefer == null || !prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async")) {
			throw new InvalidRequestException("An export runs asynchronously: send the header Prefer: respond-async");
		}
		ExportRequest request = ExportRequest.parse(level, program, value(outputFormat), value(type), instant(since),
				(typeFilter == null) ? List.of() : typeFilter.stream().map(StringType::getValue).toList(),
				this.exports.exportable());
		String url = details.getCompleteUrl();
		UUID id = this.exports.kickOff(request, url);
		HttpServletResponse response = details.getServletResponse();
		response.setStatus(202);
		response.setHeader("Content-Location", details.getFhirServerBase() + "/$export-poll-status?_jobId=" + id);
	}

	private Map<String, Object> manifest(ServletRequestDetails details, ExportJobs.ExportJob job) {
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("transactionTime", job.transactionTime().toString());
		manifest.put("request", job.requestUrl());
		manifest.put("requiresAccessToken", true);
		manifest.put("output",
				this.exports.files(job.id())
					.stream()
					.map((f) -> Map.of("type", f.type(), "count", f.count(), "url",
							details.getFhirServerBase() + "/$export-file?_jobId=" + job.id() + "&_part=" + f.part()))
					.toList());
		manifest.put("error", List.of());
		return manifest;
	}

	private static Instant instant(StringType since) {
		if (since == null || since.getValue() == null) {
			return null;
		}
		try {
			return new InstantType(since.getValue()).getValue().toInstant();
		}
		catch (DataFormatException ex) {
			throw new InvalidRequestException("_since must be a FHIR instant, e.g. 2026-11-01T00:00:00Z");
		}
	}

	private static String value(StringType s) {
		return (s == null) ? null : s.getValue();
	}

	private static void write(HttpServletResponse response, String body) throws IOException {
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		try (Writer writer = response.getWriter()) {
			writer.write(body);
		}
	}

}
