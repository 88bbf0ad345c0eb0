package org.kapclinic.patient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
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
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The break-glass API's request/response contract as a web slice (no database, no
 * security filters; {@code BreakGlassIT} breaks the glass on a real chart as a nurse,
 * lets it run out and reviews it as an administrator, and {@code PatientModuleTests}
 * checks the event it publishes). Checked here: opening answers 201 with the grant's
 * fields and hands the reason on as typed; a short reason is a 400 naming {@code reason};
 * a caller who already has access is a 409 naming the patient; a missing second factor is
 * a 403 a client can recognise, a role that may not a plain 403, an unknown patient 404;
 * the report lists grants with their reviews; a review answers the reviewed grant, one's
 * own is a 409; an outcome that is no outcome and a body that is no JSON reach no
 * service.
 */
@ApiContractTest(BreakGlassApi.class)
class BreakGlassApiContractTests {

	private static final UUID GRANT = UUID.fromString("0190f0e0-0000-7000-8000-00000000b601");

	private static final UUID PATIENT = UUID.fromString("0190f0e0-0000-7000-8000-00000000b602");

	private static final UUID NURSE = UUID.fromString("0190f0e0-0000-7000-8000-00000000b603");

	private static final UUID ADMIN = UUID.fromString("0190f0e0-0000-7000-8000-00000000b604");

	private static final String REASON = "Testcase patient fainted at the desk; the on-call prescriber asked for allergies";

	private static final Instant GRANTED = Instant.parse("2026-12-06T09:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	BreakGlass breakGlass;

	@Test
	void openingAnswers201WithTheGrant() throws Exception {
		given(this.breakGlass.open(PATIENT, REASON)).willReturn(grant(null));
		open("{\"reason\":\"" + REASON + "\"}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(GRANT.toString()))
			.andExpect(jsonPath("$.patientId").value(PATIENT.toString()))
			.andExpect(jsonPath("$.userId").value(NURSE.toString()))
			.andExpect(jsonPath("$.reason").value(REASON))
			.andExpect(jsonPath("$.grantedAt").value("2026-12-06T09:00:00Z"))
			.andExpect(jsonPath("$.expiresAt").value("2026-12-06T10:00:00Z"))
			.andExpect(jsonPath("$.reviewedAt").doesNotExist())
			.andExpect(jsonPath("$.outcome").doesNotExist());
		verify(this.breakGlass).open(PATIENT, REASON);
	}

	@Test
	void aShortReasonIs400NamingIt() throws Exception {
		given(this.breakGlass.open(PATIENT, "emergency"))
			.willThrow(InvalidInputException.of("reason", "say why, in at least 20 characters"));
		open("""
				{"reason":"emergency"}""").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("at least 20 characters")));
	}

	@Test
	void aCallerWhoAlreadyHasAccessIs409NamingThePatient() throws Exception {
		given(this.breakGlass.open(PATIENT, REASON)).willThrow(new ConflictException(
				"You already have access to this chart; break-glass is not needed.", "Patient", PATIENT));
		open("{\"reason\":\"" + REASON + "\"}").andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.conflict.resourceType").value("Patient"))
			.andExpect(jsonPath("$.conflict.resourceId").value(PATIENT.toString()));
	}

	@Test
	void noSecondFactorOrTheWrongRoleIs403AndAnUnknownPatient404() throws Exception {
		given(this.breakGlass.open(PATIENT, REASON))
			.willThrow(new StepUpRequiredException("Enter a code to open a chart outside your care team"));
		open("{\"reason\":\"" + REASON + "\"}").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.stepUpRequired").value(true));
		willThrow(new AccessDeniedException("Break-glass is for clinicians")).given(this.breakGlass)
			.open(PATIENT, REASON);
		open("{\"reason\":\"" + REASON + "\"}").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.stepUpRequired").doesNotExist());
		UUID unknown = UUID.fromString("0190f0e0-0000-7000-8000-00000000b6ff");
		given(this.breakGlass.open(unknown, REASON)).willThrow(new NotFoundException("Patient", unknown));
		this.mvc
			.perform(post("/api/v1/patients/{id}/break-glass", unknown).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"" + REASON + "\"}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("Patient not found"));
	}

	@Test
	void theReportListsGrantsWithTheirReviews() throws Exception {
		given(this.breakGlass.report(500)).willReturn(List.of(grant(BreakGlassOutcome.NOT_APPROPRIATE)));
		this.mvc.perform(get("/api/v1/break-glass"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(GRANT.toString()))
			.andExpect(jsonPath("$[0].reviewedAt").value("2026-12-06T11:00:00Z"))
			.andExpect(jsonPath("$[0].reviewedBy").value(ADMIN.toString()))
			.andExpect(jsonPath("$[0].outcome").value("NOT_APPROPRIATE"))
			.andExpect(jsonPath("$[0].reviewNote").value("Spoke with the nurse; no emergency was charted"));
		given(this.breakGlass.report(500)).willThrow(new AccessDeniedException("Administrators and prescribers"));
		this.mvc.perform(get("/api/v1/break-glass")).andExpect(status().isForbidden());
	}

	@Test
	void aReviewAnswersTheReviewedGrantAndOnesOwnIs409() throws Exception {
		given(this.breakGlass.review(GRANT, BreakGlassOutcome.NOT_APPROPRIATE,
				"Spoke with the nurse; no emergency was charted"))
			.willReturn(grant(BreakGlassOutcome.NOT_APPROPRIATE));
		review("""
				{"outcome":"NOT_APPROPRIATE","note":"Spoke with the nurse; no emergency was charted"}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("NOT_APPROPRIATE"))
			.andExpect(jsonPath("$.reviewedBy").value(ADMIN.toString()));
		given(this.breakGlass.review(GRANT, BreakGlassOutcome.APPROPRIATE, null))
			.willThrow(new ConflictException("Someone else reviews your own break-glass.", "BreakGlass", GRANT));
		review("""
				{"outcome":"APPROPRIATE"}""").andExpect(status().isConflict())
			.andExpect(jsonPath("$.conflict.resourceType").value("BreakGlass"))
			.andExpect(jsonPath("$.detail").value("Someone else reviews your own break-glass."));
	}

	@Test
	void anOutcomeThatIsNoneOrABodyThatIsNoJsonReachesNoService() throws Exception {
		review("""
				{"outcome":"FINE"}""").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		open("reason=emergency").andExpect(status().isBadRequest());
		verify(this.breakGlass, never()).review(any(), any(), any());
		verify(this.breakGlass, never()).open(any(), any());
	}

	private ResultActions open(String body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/patients/{id}/break-glass", PATIENT).contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}

	private ResultActions review(String body) throws Exception {
		return this.mvc.perform(
				post("/api/v1/break-glass/{id}/review", GRANT).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static BreakGlass.Grant grant(BreakGlassOutcome outcome) {
		boolean reviewed = outcome != null;
		return new BreakGlass.Grant(GRANT, PATIENT, NURSE, REASON, GRANTED, GRANTED.plusSeconds(3600),
				reviewed ? Instant.parse("2026-12-06T11:00:00Z") : null, reviewed ? ADMIN : null, outcome,
				reviewed ? "Spoke with the nurse; no emergency was charted" : null);
	}

}
