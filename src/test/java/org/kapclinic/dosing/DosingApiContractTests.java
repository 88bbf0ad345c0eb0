package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dosing-session API's request/response contract as a web slice (no database, no
 * security filters; {@code DosingIT} and the safety ITs walk the same endpoints end to
 * end). Checked here: the status codes the OpenAPI summaries promise (201 for vitals and
 * orders, 204 for an acknowledgement, 409 with {@code remainingMinutes} for an early
 * discharge, 422 with the reasons for a dose above a ceiling, 404 for an unknown
 * session), the fields a client reads, and that an unreadable body reaches no service.
 */
@ApiContractTest(DosingApi.class)
class DosingApiContractTests {

	private static final UUID SESSION = UUID.fromString("0190f0e0-0000-7000-8000-00000000d001");

	private static final String BASE = "/api/v1/dosing-sessions/" + SESSION;

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Protocols protocols;

	@MockitoBean
	CheckIns checkIns;

	@MockitoBean
	DosingSessions sessions;

	@MockitoBean
	Administrations administrations;

	@MockitoBean
	Discharges discharges;

	@MockitoBean
	Monitoring monitoring;

	@MockitoBean
	Observations observations;

	@MockitoBean
	SessionReads reads;

	@MockitoBean
	RemsSummaries rems;

	@MockitoBean
	RemsForms remsForms;

	@MockitoBean
	FloorBoard board;

	@MockitoBean
	Exposures exposures;

	@Test
	void vitalsAnswer201WithTheirAlertsAndTheHold() throws Exception {
		UUID vitals = UUID.fromString("0190f0e0-0000-7000-8000-00000000d002");
		Alert alert = new Alert(UUID.fromString("0190f0e0-0000-7000-8000-00000000d003"), "BP_HIGH",
				"Blood pressure 182/96 is at or above 180/110", Instant.parse("2026-12-03T15:00:00Z"),
				Instant.parse("2026-12-03T15:00:01Z"), null, null, null);
		given(this.monitoring.vitals(eq(SESSION), any()))
			.willReturn(new Monitoring.VitalsResult(vitals, List.of(alert), true, "Pre-dose blood pressure", false));
		this.mvc.perform(post(BASE + "/vitals").contentType(MediaType.APPLICATION_JSON).content("""
				{"systolic":182,"diastolic":96,"heartRate":80,"spo2":97,"at":"2026-12-03T15:00:00Z"}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(vitals.toString()))
			.andExpect(jsonPath("$.held").value(true))
			.andExpect(jsonPath("$.holdReason").value("Pre-dose blood pressure"))
			.andExpect(jsonPath("$.alerts[0].code").value("BP_HIGH"));
		// Omitted fields arrive as null (respiratory rate was not taken), not as 0.
		verify(this.monitoring).vitals(SESSION,
				new DosingRequests.VitalsEntry(182, 96, 80, 97, null, Instant.parse("2026-12-03T15:00:00Z")));
	}

	@Test
	void aDoseAboveTheCeilingIs422WithTheReasons() throws Exception {
		given(this.sessions.order(eq(SESSION), any())).willThrow(new RuleViolationException(
				"0.9 mg/kg is above the protocol's ceiling of 0.75 mg/kg", List.of("DOSE_ABOVE_CEILING")));
		this.mvc.perform(post(BASE + "/order").contentType(MediaType.APPLICATION_JSON).content("{\"doseMgPerKg\":0.9}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Refused by a safety rule"))
			.andExpect(jsonPath("$.reasons[0]").value("DOSE_ABOVE_CEILING"));
		verify(this.sessions).order(SESSION, new DosingRequests.Order(new BigDecimal("0.9"), null, null, null));
	}

	@Test
	void anEarlyDischargeIs409WithTheMinutesLeft() throws Exception {
		given(this.discharges.discharge(eq(SESSION), any()))
			.willThrow(new ConflictException("The minimum observation after the last dose is not over", "DosingSession",
					SESSION)
				.with("remainingMinutes", 25));
		this.mvc.perform(post(BASE + "/discharge"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.remainingMinutes").value(25))
			.andExpect(jsonPath("$.conflict.resourceType").value("DosingSession"))
			.andExpect(jsonPath("$.conflict.resourceId").value(SESSION.toString()));
	}

	@Test
	void anAcknowledgementIs204AndPassesItsNote() throws Exception {
		UUID alert = UUID.fromString("0190f0e0-0000-7000-8000-00000000d004");
		this.mvc
			.perform(post(BASE + "/alerts/" + alert + "/acknowledge").contentType(MediaType.APPLICATION_JSON)
				.content("{\"note\":\"rechecked, 150/90; prescriber informed\"}"))
			.andExpect(status().isNoContent());
		verify(this.observations).acknowledge(SESSION, alert, "rechecked, 150/90; prescriber informed");
	}

	@Test
	void anUnknownSessionIs404AsAProblem() throws Exception {
		given(this.reads.detail(SESSION)).willThrow(new NotFoundException("DosingSession", SESSION));
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(BASE))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("DosingSession not found"));
	}

	@Test
	void vitalsThatAreNotNumbersAre400AndReachNoService() throws Exception {
		this.mvc
			.perform(post(BASE + "/vitals").contentType(MediaType.APPLICATION_JSON)
				.content("{\"systolic\":\"high\",\"diastolic\":80,\"heartRate\":70}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Unreadable request"));
		verifyNoInteractions(this.monitoring);
	}

	@Test
	void aCheckInAnswers201WithTheSessionsAddress() throws Exception {
		UUID patient = UUID.fromString("0190f0e0-0000-7000-8000-00000000d005");
		Instant now = Instant.parse("2026-12-03T14:00:00Z");
		DosingSession session = new DosingSession(SESSION, patient, null, null, "IV_KETAMINE", 2, "IV_INFUSION",
				Route.IV, SessionState.CHECKED_IN, new BigDecimal("70"), now, Map.of(), false, List.of(), false, null,
				null, null, null, null, null, null, now, UUID.fromString("0190f0e0-0000-7000-8000-00000000d006"), 0,
				null, null);
		given(this.checkIns.checkIn(any())).willReturn(session);
		this.mvc
			.perform(post("/api/v1/dosing-sessions").contentType(MediaType.APPLICATION_JSON)
				.content("{\"patientId\":\"" + patient + "\",\"protocol\":\"IV_KETAMINE\"}"))
			.andExpect(status().isCreated())
			.andExpect(
					org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Location", BASE))
			.andExpect(jsonPath("$.state").value("CHECKED_IN"))
			.andExpect(jsonPath("$.weightKg").value(70));
		verify(this.checkIns).checkIn(new DosingRequests.CheckIn(patient, "IV_KETAMINE", null));
	}

}
