package org.kapclinic.intake.consultation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.patient.PatientView;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.TooManyRequestsException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The consultation-request API's contract as a web slice (no database, no security
 * filters; {@code ConsultationRequestsIT}, {@code ConsultationTriageIT} and the browser
 * walk submit and triage for real). Checked here: the public form answers 202 with the
 * crisis notice whatever happens to the request; what it lacks is named field by field
 * (no way to reply, no consent to contact, a birth date in the future) and reaches no
 * service; a concern not on the clinic's list is unreadable; too many submissions is a
 * 429 with Retry-After; triage moves need a status; registering the request answers 201
 * with the patient's location, and a possible duplicate is a 409 with its code.
 */
@ApiContractTest(ConsultationApi.class)
class ConsultationApiContractTests {

	private static final UUID REQUEST = UUID.fromString("0190f0e0-0000-7000-8000-0000000c0001");

	private static final UUID PATIENT = UUID.fromString("0190f0e0-0000-7000-8000-0000000c0002");

	private static final String FORM = """
			{"givenName":"Wren","familyName":"Askwith (fictional)","birthDate":"1988-02-29","email":"wren@example.test",
			 "concerns":["ANXIETY"],"consentToContact":true}""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ConsultationService consultations;

	@Test
	void aSubmissionAnswers202WithTheCrisisNoticeAndTheSendersAddress() throws Exception {
		this.mvc.perform(post("/api/v1/consultation-requests").contentType(MediaType.APPLICATION_JSON)
			.content(FORM)
			.with((request) -> {
				request.setRemoteAddr("192.0.2.44");
				return request;
			}))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.received").value(true))
			.andExpect(jsonPath("$.crisis").value(containsString("988")));
		verify(this.consultations).submit(any(ConsultationRequestForm.class), eq("192.0.2.44"));
	}

	@Test
	void aFormWithNoWayToReplyAndNoConsentNamesBothAndIsNotSubmitted() throws Exception {
		this.mvc.perform(post("/api/v1/consultation-requests").contentType(MediaType.APPLICATION_JSON).content("""
				{"givenName":"Wren","familyName":"Askwith (fictional)","birthDate":"2999-01-01",
				 "concerns":["ANXIETY"],"consentToContact":false}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field")
				.value(containsInAnyOrder("reachable", "consentToContact", "birthDate")));
		verifyNoInteractions(this.consultations);
	}

	@Test
	void aConcernNotOnTheClinicsListIsUnreadable() throws Exception {
		this.mvc
			.perform(post("/api/v1/consultation-requests").contentType(MediaType.APPLICATION_JSON)
				.content(FORM.replace("ANXIETY", "INSOMNIA")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Unreadable request"));
		verifyNoInteractions(this.consultations);
	}

	@Test
	void tooManySubmissionsIs429WithRetryAfter() throws Exception {
		willThrow(new TooManyRequestsException("Too many requests from this connection; try again in an hour.",
				Duration.ofHours(1)))
			.given(this.consultations)
			.submit(any(), any());
		this.mvc.perform(post("/api/v1/consultation-requests").contentType(MediaType.APPLICATION_JSON).content(FORM))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "3600"));
	}

	@Test
	void aTriageMoveWithoutAStatusNamesIt() throws Exception {
		this.mvc
			.perform(post("/api/v1/consultation-requests/{id}/status", REQUEST).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"reason":"Called twice"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		verifyNoInteractions(this.consultations);
	}

	@Test
	void theQueueIsReadByStatusAndPage() throws Exception {
		given(this.consultations.list(ConsultationStatus.CONTACTED, 2, 20))
			.willReturn(List.of(new ConsultationRequest(REQUEST, "Wren", "Askwith (fictional)",
					LocalDate.of(1988, 2, 29), "wren@example.test", null, List.of(Concern.ANXIETY), null, null, null,
					ConsultationStatus.CONTACTED, null, null, Instant.parse("2026-12-03T09:00:00Z"), false)));
		this.mvc
			.perform(get("/api/v1/consultation-requests").param("status", "CONTACTED")
				.param("page", "2")
				.param("size", "20"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].status").value("CONTACTED"))
			.andExpect(jsonPath("$[0].concerns[0]").value("ANXIETY"));
	}

	@Test
	void registeringTheRequestAnswers201WithThePatientsLocation() throws Exception {
		given(this.consultations.convert(REQUEST, false)).willReturn(patient());
		this.mvc.perform(post("/api/v1/consultation-requests/{id}/convert", REQUEST))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/patients/" + PATIENT))
			.andExpect(jsonPath("$.mrn").value("KAP-100888"));
	}

	@Test
	void aPossibleDuplicateIs409WithItsCodeAndIsRegisteredOnlyWhenConfirmed() throws Exception {
		given(this.consultations.convert(REQUEST, false))
			.willThrow(new ConflictException("This may be a patient who is already registered.", "Patient", PATIENT)
				.with("code", "POSSIBLE_DUPLICATE"));
		this.mvc.perform(post("/api/v1/consultation-requests/{id}/convert", REQUEST))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("POSSIBLE_DUPLICATE"));
		given(this.consultations.convert(REQUEST, true)).willReturn(patient());
		this.mvc
			.perform(post("/api/v1/consultation-requests/{id}/convert", REQUEST).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"confirmDuplicate":true}"""))
			.andExpect(status().isCreated());
	}

	private static PatientView patient() {
		return new PatientView(PATIENT, "KAP-100888", 0, "Wren", "Askwith (fictional)", null, null,
				LocalDate.of(1988, 2, 29), 38, false, null, null, null, "wren@example.test", null, null, null, null,
				List.of(), List.of(), false, null, Instant.parse("2026-12-03T09:00:00Z"),
				Instant.parse("2026-12-03T09:00:00Z"), List.of());
	}

}
