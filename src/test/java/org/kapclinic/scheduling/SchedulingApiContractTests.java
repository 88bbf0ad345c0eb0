package org.kapclinic.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The scheduling API's request/response contract as a web slice (no database, no security
 * filters; {@code SchedulingIT} books against the real calendar with roles). Checked
 * here: one booking and a series answer 201 with the first appointment's address, a taken
 * chair is a 409 naming it, a gate is a 422 with its reason, and the query parameters the
 * availability search refuses (unknown type, role or equipment, a limit out of range) are
 * 400s with the field named, before any lookup.
 */
@ApiContractTest(SchedulingApi.class)
class SchedulingApiContractTests {

	private static final UUID PATIENT = UUID.fromString("0190f0e0-0000-7000-8000-00000000a001");

	private static final UUID ROOM = UUID.fromString("0190f0e0-0000-7000-8000-00000000a002");

	private static final Instant START = Instant.parse("2031-03-04T15:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ClinicResources resources;

	@MockitoBean
	WorkingHours workingHours;

	@MockitoBean
	RemsEnrollments rems;

	@MockitoBean
	Appointments appointments;

	@MockitoBean
	Availability availability;

	@Test
	void aBookingAnswers201WithItsAddress() throws Exception {
		Appointment booked = appointment(UUID.fromString("0190f0e0-0000-7000-8000-00000000a003"), null);
		given(this.appointments.book(any())).willReturn(List.of(booked));
		this.mvc.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON).content("""
				{"patientId":"%s","type":"FOLLOW_UP","start":"2031-03-04T15:00:00Z","durationMinutes":50,
				 "roomId":"%s"}""".formatted(PATIENT, ROOM)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/appointments/" + booked.id()))
			.andExpect(jsonPath("$.id").value(booked.id().toString()))
			.andExpect(jsonPath("$.status").value("BOOKED"))
			.andExpect(jsonPath("$.start").value("2031-03-04T15:00:00Z"))
			.andExpect(jsonPath("$.bookedAt").value("2031-02-01T09:00:00Z"));
		verify(this.appointments).book(new AppointmentRequest(PATIENT, "FOLLOW_UP", START, 50, ROOM, List.of(), null,
				null, null, null, null, null));
	}

	@Test
	void aSeriesAnswersItsIdAndEveryOccurrence() throws Exception {
		UUID series = UUID.fromString("0190f0e0-0000-7000-8000-00000000a004");
		Appointment first = appointment(UUID.fromString("0190f0e0-0000-7000-8000-00000000a005"), series);
		Appointment second = appointment(UUID.fromString("0190f0e0-0000-7000-8000-00000000a006"), series);
		given(this.appointments.book(any())).willReturn(List.of(first, second));
		this.mvc.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON).content("""
				{"patientId":"%s","type":"INTEGRATION","start":"2031-03-04T15:00:00Z","durationMinutes":50,
				 "roomId":"%s","repeat":{"everyWeeks":1,"count":2}}""".formatted(PATIENT, ROOM)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/appointments/" + first.id()))
			.andExpect(jsonPath("$.seriesId").value(series.toString()))
			.andExpect(jsonPath("$.appointments.length()").value(2))
			.andExpect(jsonPath("$.appointments[1].id").value(second.id().toString()));
	}

	@Test
	void aTakenChairIs409NamingIt() throws Exception {
		given(this.appointments.book(any()))
			.willThrow(new ConflictException("Chair 2 is booked at that time.", "Room", ROOM));
		this.mvc.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON).content("""
				{"patientId":"%s","type":"DOSING","start":"2031-03-04T15:00:00Z","durationMinutes":120,
				 "roomId":"%s"}""".formatted(PATIENT, ROOM)))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Chair 2 is booked at that time."))
			.andExpect(jsonPath("$.conflict.resourceType").value("Room"))
			.andExpect(jsonPath("$.conflict.resourceId").value(ROOM.toString()));
	}

	@Test
	void aGateIs422WithItsReason() throws Exception {
		given(this.appointments.book(any())).willThrow(new RuleViolationException(
				"Esketamine needs the patient's Spravato REMS enrollment", List.of("REMS_ENROLLMENT")));
		this.mvc.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON).content("""
				{"patientId":"%s","type":"DOSING","program":"ESKETAMINE","start":"2031-03-04T15:00:00Z",
				 "durationMinutes":120,"roomId":"%s"}""".formatted(PATIENT, ROOM)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reasons[0]").value("REMS_ENROLLMENT"));
	}

	@Test
	void availabilityRefusesWhatItCannotSearchForWithTheFieldNamed() throws Exception {
		String from = "2031-03-04T08:00:00Z";
		String to = "2031-03-05T08:00:00Z";
		this.mvc.perform(get("/api/v1/availability").param("type", "MASSAGE").param("from", from).param("to", to))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("type"));
		this.mvc
			.perform(get("/api/v1/availability").param("type", "DOSING")
				.param("from", from)
				.param("to", to)
				.param("roles", "JANITOR"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("roles"));
		this.mvc
			.perform(get("/api/v1/availability").param("type", "DOSING")
				.param("from", from)
				.param("to", to)
				.param("needs", "laser"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("needs"));
		this.mvc
			.perform(get("/api/v1/availability").param("type", "DOSING")
				.param("from", from)
				.param("to", to)
				.param("limit", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
		verifyNoInteractions(this.availability);
	}

	@Test
	void equipmentIsAskedForByLabelInAnyCaseAsToday() throws Exception {
		this.mvc
			.perform(get("/api/v1/availability").param("type", "DOSING")
				.param("from", "2031-03-04T08:00:00Z")
				.param("to", "2031-03-05T08:00:00Z")
				.param("needs", "iv  PUMP"))
			.andExpect(status().isOk());
		verify(this.availability).find(eq(AppointmentType.DOSING), any(), any(), anyInt(), eq(List.of("iv  PUMP")),
				anyList(), any(), eq(10));
	}

	@Test
	void aRescheduleWithoutAStartIs400AndMovesNothing() throws Exception {
		UUID id = UUID.fromString("0190f0e0-0000-7000-8000-00000000a007");
		this.mvc
			.perform(post("/api/v1/appointments/" + id + "/reschedule").contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"patient asked\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("start"))
			.andExpect(jsonPath("$.errors[0].message").value("required"));
		verifyNoInteractions(this.appointments);
	}

	@Test
	void aCalendarWithoutItsEndIs400() throws Exception {
		this.mvc.perform(get("/api/v1/appointments").param("from", "2031-03-04T00:00:00Z"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		verify(this.appointments, org.mockito.Mockito.never()).between(any(), any(), any(), any(), anyBoolean());
	}

	private static Appointment appointment(UUID id, UUID series) {
		return new Appointment(id, PATIENT, AppointmentType.FOLLOW_UP, null, START, START.plusSeconds(3000), ROOM,
				List.of(), null, series, null, AppointmentStatus.BOOKED, null, null, null, 0, null,
				Instant.parse("2031-02-01T09:00:00Z"), UUID.fromString("0190f0e0-0000-7000-8000-00000000a008"));
	}

}
