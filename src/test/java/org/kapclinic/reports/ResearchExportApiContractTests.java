package org.kapclinic.reports;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.kapclinic.shared.StepUpRequiredException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The research export API's request/response contract as a web slice (no database, no
 * security filters, so the controller's own role check is not in play here;
 * {@code ResearchExportIT} exports the demo clinic for real, finds no identifier in the
 * ZIP, removes a file past its retention and keeps other roles out). Checked here: asking
 * answers 202 with the export's address and status, the purpose passed on as written; a
 * missing, blank or overlong purpose is named before any export is asked for, and one the
 * exports find too short is named too; a missing step-up is a 403 a client recognises;
 * the status names the file once done; an unknown export is 404 and an id that is no UUID
 * reaches nothing; the file is a ZIP attachment named for the export, and a file not
 * there yet is a 422 with the reason; a role that may not is 403.
 */
@ApiContractTest(ResearchExportApi.class)
class ResearchExportApiContractTests {

	private static final UUID EXPORT = UUID.fromString("0190f0e0-0000-7000-8000-00000000e801");

	private static final String PURPOSE = "Fictional study of synthetic records under Testcase IRB protocol T-0001";

	private static final Instant REQUESTED = Instant.parse("2026-12-01T10:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ResearchExports exports;

	@Test
	void askingAnswers202WithTheExportsAddressAndStatus() throws Exception {
		given(this.exports.request(PURPOSE)).willReturn(
				new ResearchExport(EXPORT, PURPOSE, REQUESTED, "QUEUED", null, null, null, null, null, null, null));
		ask("{\"purpose\":\"" + PURPOSE + "\"}").andExpect(status().isAccepted())
			.andExpect(header().string("Location", "/api/v1/exports/research/" + EXPORT))
			.andExpect(jsonPath("$.id").value(EXPORT.toString()))
			.andExpect(jsonPath("$.purpose").value(PURPOSE))
			.andExpect(jsonPath("$.status").value("QUEUED"))
			.andExpect(jsonPath("$.requestedAt").value("2026-12-01T10:00:00Z"))
			.andExpect(jsonPath("$.file").doesNotExist());
		verify(this.exports).request(PURPOSE);
	}

	@Test
	void aMissingBlankOrOverlongPurposeIsNamedBeforeAnyExport() throws Exception {
		for (String body : new String[] { "{}", "{\"purpose\":\"  \"}",
				"{\"purpose\":\"" + "p".repeat(2001) + "\"}" }) {
			ask(body).andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.title").value("Invalid input"))
				.andExpect(jsonPath("$.errors[0].field").value("purpose"))
				.andExpect(header().doesNotExist("Location"));
		}
		verifyNoInteractions(this.exports);
	}

	@Test
	void aPurposeTooShortIsNamedAndAMissingStepUpIs403() throws Exception {
		given(this.exports.request("For a study."))
			.willThrow(InvalidInputException.of("purpose", "say what the data is for (20 to 2,000 characters)"));
		ask("{\"purpose\":\"For a study.\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("purpose"));
		given(this.exports.request(PURPOSE))
			.willThrow(new StepUpRequiredException("To export de-identified research data, send a current code"));
		ask("{\"purpose\":\"" + PURPOSE + "\"}").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.stepUpRequired").value(true))
			.andExpect(header().doesNotExist("Location"));
	}

	@Test
	void theStatusNamesTheFileOnceDone() throws Exception {
		String file = "/api/v1/exports/research/" + EXPORT + "/file";
		given(this.exports.find(EXPORT)).willReturn(new ResearchExport(EXPORT, PURPOSE, REQUESTED, "DONE",
				Instant.parse("2026-12-01T10:00:05Z"), Instant.parse("2026-12-01T10:01:00Z"), 42,
				Map.of("patients", 42, "sessions", 310), "0".repeat(64), file, null));
		this.mvc.perform(get("/api/v1/exports/research/{id}", EXPORT))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.patients").value(42))
			.andExpect(jsonPath("$.rows.sessions").value(310))
			.andExpect(jsonPath("$.fileSha256").value("0".repeat(64)))
			.andExpect(jsonPath("$.file").value(file))
			.andExpect(jsonPath("$.finishedAt").value("2026-12-01T10:01:00Z"));
	}

	@Test
	void anUnknownExportIs404AndAnIdThatIsNoUuidReachesNothing() throws Exception {
		UUID unknown = UUID.fromString("0190f0e0-0000-7000-8000-00000000e8ff");
		given(this.exports.find(unknown)).willThrow(new NotFoundException("ResearchExport", unknown));
		this.mvc.perform(get("/api/v1/exports/research/{id}", unknown))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.title").value("Not found"));
		this.mvc.perform(get("/api/v1/exports/research/not-an-export"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("'id'")));
		this.mvc.perform(get("/api/v1/exports/research/not-an-export/file")).andExpect(status().isBadRequest());
		verify(this.exports).find(unknown);
		verifyNoMoreInteractions(this.exports);
	}

	@Test
	void theFileIsAZipAttachmentNamedForTheExport() throws Exception {
		byte[] zip = "PK\u0003\u0004 fictional archive".getBytes(StandardCharsets.ISO_8859_1);
		given(this.exports.file(EXPORT)).willReturn(zip);
		this.mvc.perform(get("/api/v1/exports/research/{id}/file", EXPORT))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/zip"))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"kap-research-export-" + EXPORT + ".zip\""))
			.andExpect(content().bytes(zip));
	}

	@Test
	void aFileNotThereYetIs422WithTheReasonAndARoleThatMayNotIs403() throws Exception {
		given(this.exports.file(EXPORT)).willThrow(new RuleViolationException("The export has no file yet.",
				List.of("the export is running: ask for its status until it is done")));
		this.mvc.perform(get("/api/v1/exports/research/{id}/file", EXPORT))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.reasons[0]").value(containsString("running")))
			.andExpect(header().doesNotExist("Content-Disposition"));
		given(this.exports.request(any())).willThrow(new AccessDeniedException("Administrators only"));
		ask("{\"purpose\":\"" + PURPOSE + "\"}").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("Forbidden"));
	}

	private ResultActions ask(String body) throws Exception {
		return this.mvc.perform(post("/api/v1/exports/research").contentType(MediaType.APPLICATION_JSON).content(body));
	}

}
