package org.kapclinic.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The intake, screening and consent API's request/response contract as a web slice (no
 * database, no security filters; {@code IntakeIT}, {@code ScreeningIT} and the consent
 * ITs walk it with roles). Checked here: an eligibility decision that contradicts the
 * findings is a 422 with the rule's reasons, and one without its program or outcome is a
 * 400 naming both before any rule runs; a consent signature names every missing field at
 * once and records nothing; a withdrawal needs its reason; an intake link is never
 * cached; the intake's list limits; the eligibility question names its program.
 */
@ApiContractTest(IntakeApi.class)
class IntakeApiContractTests {

	private static final UUID PATIENT = UUID.fromString("0190f0e0-0000-7000-8000-00000000f001");

	private static final UUID SCREENING = UUID.fromString("0190f0e0-0000-7000-8000-00000000f002");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	IntakeService intakes;

	@MockitoBean
	ScreeningService screenings;

	@MockitoBean
	Eligibility eligibility;

	@MockitoBean
	ConsentService consents;

	@MockitoBean
	ConsentDocuments documents;

	@MockitoBean
	DiagnosisCatalog diagnoses;

	@MockitoBean
	IntakeLinks links;

	@Test
	void aDecisionAgainstTheFindingsIs422WithTheRulesReasons() throws Exception {
		given(this.screenings.decide(eq(SCREENING), eq(Program.IV_INFUSION), eq(Decision.Outcome.ELIGIBLE), any(),
				any()))
			.willThrow(new RuleViolationException("An absolute contraindication allows only NOT_ELIGIBLE",
					List.of("ABSOLUTE_CONTRAINDICATION")));
		this.mvc
			.perform(post("/api/v1/screenings/" + SCREENING + "/decision").contentType(MediaType.APPLICATION_JSON)
				.content("{\"program\":\"IV_INFUSION\",\"decision\":\"ELIGIBLE\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.reasons[0]").value("ABSOLUTE_CONTRAINDICATION"));
	}

	@Test
	void aDecisionWithoutItsProgramOrOutcomeIs400NamingBoth() throws Exception {
		this.mvc
			.perform(post("/api/v1/screenings/" + SCREENING + "/decision").contentType(MediaType.APPLICATION_JSON)
				.content("{\"note\":\"seen today\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("program", "decision")));
		verifyNoInteractions(this.screenings);
	}

	@Test
	void aSignatureNamesEveryMissingFieldAndRecordsNothing() throws Exception {
		this.mvc
			.perform(post("/api/v1/patients/" + PATIENT + "/consents").contentType(MediaType.APPLICATION_JSON)
				.content("{\"document\":\"KAP_TREATMENT\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("version", "signerName", "signerRole")));
		verifyNoInteractions(this.consents);
	}

	@Test
	void aWithdrawalNeedsItsReason() throws Exception {
		UUID consent = UUID.fromString("0190f0e0-0000-7000-8000-00000000f003");
		this.mvc
			.perform(post("/api/v1/consents/" + consent + "/withdraw").contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		verifyNoInteractions(this.consents);
	}

	@Test
	void anIntakeLinkIsNeverCached() throws Exception {
		given(this.links.create(PATIENT))
			.willReturn(new IntakeLinks.IssuedLink("synthetic-token", Instant.parse("2026-12-13T00:00:00Z")));
		this.mvc.perform(post("/api/v1/patients/" + PATIENT + "/intake-links"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.token").value("synthetic-token"))
			.andExpect(jsonPath("$.url").value("http://localhost/intake/synthetic-token"))
			.andExpect(jsonPath("$.expiresAt").value("2026-12-13T00:00:00Z"));
	}

	@Test
	void anIntakeWithTooManyDiagnosesIs400AndSavesNothing() throws Exception {
		String codes = "\"F32.2\",".repeat(30) + "\"F33.2\"";
		this.mvc
			.perform(put("/api/v1/patients/" + PATIENT + "/intake").contentType(MediaType.APPLICATION_JSON)
				.content("{\"diagnoses\":[" + codes + "]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("diagnoses"));
		verifyNoInteractions(this.intakes);
	}

	@Test
	void eligibilityNamesItsProgram() throws Exception {
		String path = "/api/v1/patients/" + PATIENT + "/eligibility";
		this.mvc.perform(get(path)).andExpect(status().isBadRequest());
		this.mvc.perform(get(path).param("program", "MICRODOSING")).andExpect(status().isBadRequest());
		verifyNoInteractions(this.eligibility);
		this.mvc.perform(get(path).param("program", "ESKETAMINE")).andExpect(status().isOk());
		verify(this.eligibility).status(PATIENT, Program.ESKETAMINE);
	}

}
