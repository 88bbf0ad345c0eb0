package org.kapclinic.measures;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The measure-schedule, due-measure and self-report-link API's request/response contract
 * as a web slice (no database, no security filters, no mail; {@code MeasureScheduleIT}
 * creates, runs and ends schedules and reads the worklist with roles, and
 * {@code SelfReportIT} issues links and submits through them). Checked here: a schedule
 * answers 201 with its address and cadence, one without instruments or cadence (or with
 * too many instruments) is a 400 naming each field before anything is scheduled, and a
 * role that may not is 403; ending one answers it ended with its reason, an ended one is
 * 422 ENDED and an unknown one 404; due measures carry their state, anchor and times; the
 * worklist keeps its states and its limit of 1–1000; a self-report link answers 201 with
 * its url once, is e-mailed unless asked not to, and needs 1–10 instruments.
 */
@ApiContractTest(SchedulesApi.class)
class SchedulesApiContractTests {

	private static final UUID PATIENT = UUID.fromString("0190f0e0-0000-7000-8000-00000000c101");

	private static final UUID SCHEDULE = UUID.fromString("0190f0e0-0000-7000-8000-00000000c102");

	private static final UUID OCCURRENCE = UUID.fromString("0190f0e0-0000-7000-8000-00000000c103");

	private static final UUID LINK = UUID.fromString("0190f0e0-0000-7000-8000-00000000c104");

	private static final String SCHEDULES = "/api/v1/patients/" + PATIENT + "/measure-schedules";

	private static final String LINKS = "/api/v1/patients/" + PATIENT + "/measure-links";

	private static final Instant CREATED = Instant.parse("2026-12-01T09:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	MeasureSchedules schedules;

	@MockitoBean
	DueMeasures due;

	@MockitoBean
	SelfReportLinks selfReportLinks;

	@Test
	void aScheduleAnswers201WithItsAddressAndCadence() throws Exception {
		ScheduleRequest request = new ScheduleRequest(List.of("PHQ-9", "GAD-7"), "INTERVAL", 7, null, null);
		given(this.schedules.create(PATIENT, request)).willReturn(schedule(null, null));
		send(SCHEDULES, """
				{"instruments":["PHQ-9","GAD-7"],"cadence":"INTERVAL","everyDays":7}""").andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/measure-schedules/" + SCHEDULE))
			.andExpect(jsonPath("$.id").value(SCHEDULE.toString()))
			.andExpect(jsonPath("$.patientId").value(PATIENT.toString()))
			.andExpect(jsonPath("$.instruments[1]").value("GAD-7"))
			.andExpect(jsonPath("$.cadence").value("INTERVAL"))
			.andExpect(jsonPath("$.everyDays").value(7))
			.andExpect(jsonPath("$.nextDueAt").value("2026-12-01T09:00:00Z"))
			.andExpect(jsonPath("$.sendLink").value(true))
			.andExpect(jsonPath("$.createdAt").value("2026-12-01T09:00:00Z"));
		verify(this.schedules).create(PATIENT, request);
		given(this.schedules.list(PATIENT)).willReturn(List.of(schedule(null, null)));
		this.mvc.perform(get(SCHEDULES))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].cadence").value("INTERVAL"));
	}

	@Test
	void aScheduleWithoutInstrumentsOrCadenceOrWithTooManyInstrumentsSchedulesNothing() throws Exception {
		send(SCHEDULES, "{\"instruments\":[],\"everyDays\":7}").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("instruments", "cadence")));
		send(SCHEDULES, "{\"instruments\":[" + "\"PHQ-9\",".repeat(10) + "\" \"],\"cadence\":\"DOSE_ANCHORED\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("instruments", "instruments[10]")));
		send(SCHEDULES, "{\"instruments\":[\"PHQ-9\"],\"cadence\":\"INTERVAL\",\"everyDays\":\"weekly\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Unreadable request"));
		verifyNoInteractions(this.schedules);
	}

	@Test
	void aRoleThatMayNotScheduleIs403() throws Exception {
		given(this.schedules.create(eq(PATIENT), any())).willThrow(new AccessDeniedException("clinical roles only"));
		send(SCHEDULES, """
				{"instruments":["PHQ-9"],"cadence":"DOSE_ANCHORED"}""").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("Forbidden"));
	}

	@Test
	void endingAScheduleAnswersItEndedAndAnEndedOrUnknownOneIsRefused() throws Exception {
		String end = "/api/v1/measure-schedules/" + SCHEDULE + "/end";
		given(this.schedules.end(SCHEDULE, "Course completed"))
			.willReturn(schedule(Instant.parse("2026-12-20T12:00:00Z"), "Course completed"));
		send(end, """
				{"reason":"Course completed"}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.endedAt").value("2026-12-20T12:00:00Z"))
			.andExpect(jsonPath("$.endReason").value("Course completed"));
		given(this.schedules.end(SCHEDULE, "again"))
			.willThrow(new RuleViolationException("This schedule has already ended.", List.of("ENDED")));
		send(end, """
				{"reason":"again"}""").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reasons[0]").value("ENDED"));
		given(this.schedules.end(SCHEDULE, null)).willThrow(InvalidInputException.of("reason", "give the reason"));
		send(end, "{}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		UUID unknown = UUID.fromString("0190f0e0-0000-7000-8000-00000000c1ff");
		given(this.schedules.end(unknown, "Course completed"))
			.willThrow(new NotFoundException(MeasureSchedules.RESOURCE, unknown));
		send("/api/v1/measure-schedules/" + unknown + "/end", """
				{"reason":"Course completed"}""").andExpect(status().isNotFound());
	}

	@Test
	void dueMeasuresCarryTheirStateAnchorAndTimes() throws Exception {
		given(this.due.forPatient(PATIENT)).willReturn(List.of(dueMeasure()));
		this.mvc.perform(get("/api/v1/patients/{id}/measures/due", PATIENT))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(OCCURRENCE.toString()))
			.andExpect(jsonPath("$[0].scheduleId").value(SCHEDULE.toString()))
			.andExpect(jsonPath("$[0].instrument").value("PHQ-9"))
			.andExpect(jsonPath("$[0].anchor").value("AFTER_DOSE_PT24H"))
			.andExpect(jsonPath("$[0].dueAt").value("2026-12-02T09:00:00Z"))
			.andExpect(jsonPath("$[0].overdueAt").value("2026-12-04T09:00:00Z"))
			.andExpect(jsonPath("$[0].state").value("OVERDUE"));
	}

	@Test
	void theWorklistKeepsItsStatesAndLimits() throws Exception {
		String worklist = "/api/v1/measures/due";
		this.mvc.perform(get(worklist).param("state", "LATE"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("state"));
		this.mvc.perform(get(worklist).param("limit", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
		this.mvc.perform(get(worklist).param("limit", "1001"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
		verifyNoInteractions(this.due);
		given(this.due.worklist("OVERDUE", 200))
			.willReturn(List.of(new DueMeasure.Row(dueMeasure(), "MRN-SYN-0001", "Fern Testcase")));
		this.mvc.perform(get(worklist).param("state", "OVERDUE"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].due.state").value("OVERDUE"))
			.andExpect(jsonPath("$[0].mrn").value("MRN-SYN-0001"))
			.andExpect(jsonPath("$[0].patientName").value("Fern Testcase"));
		this.mvc.perform(get(worklist).param("limit", "1000")).andExpect(status().isOk());
		verify(this.due).worklist(null, 1000);
	}

	@Test
	void aSelfReportLinkAnswers201WithItsUrlAndIsEmailedUnlessAskedNotTo() throws Exception {
		given(this.selfReportLinks.issue(PATIENT, List.of("PHQ-9"), true)).willReturn(issued("fern@example.test"));
		send(LINKS, """
				{"instruments":["PHQ-9"]}""").andExpect(status().isCreated())
			.andExpect(header().string("Location", LINKS + "/" + LINK))
			.andExpect(jsonPath("$.id").value(LINK.toString()))
			.andExpect(jsonPath("$.instruments[0]").value("PHQ-9"))
			.andExpect(jsonPath("$.url").value("https://clinic.example.invalid/self-report/synthetic-token"))
			.andExpect(jsonPath("$.expiresAt").value("2026-12-08T09:00:00Z"))
			.andExpect(jsonPath("$.emailedTo").value("fern@example.test"));
		given(this.selfReportLinks.issue(PATIENT, List.of("PHQ-9"), false)).willReturn(issued(null));
		send(LINKS, """
				{"instruments":["PHQ-9"],"send":false}""").andExpect(status().isCreated())
			.andExpect(jsonPath("$.emailedTo").isEmpty());
		verify(this.selfReportLinks).issue(PATIENT, List.of("PHQ-9"), false);
	}

	@Test
	void aLinkNeedsOneToTenInstrumentsAndAnAddressToBeEmailed() throws Exception {
		send(LINKS, "{\"instruments\":[]}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("instruments"));
		send(LINKS, "{\"instruments\":[" + "\"PHQ-9\",".repeat(10) + "\"GAD-7\"]}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("instruments"));
		verifyNoInteractions(this.selfReportLinks);
		given(this.selfReportLinks.issue(PATIENT, List.of("GAD-7"), true))
			.willThrow(InvalidInputException.of("send", "no e-mail address on file for this patient"));
		send(LINKS, """
				{"instruments":["GAD-7"]}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("send"));
	}

	private ResultActions send(String path, String body) throws Exception {
		return this.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static MeasureSchedule schedule(Instant endedAt, String endReason) {
		return new MeasureSchedule(SCHEDULE, PATIENT, List.of("PHQ-9", "GAD-7"), "INTERVAL", 7, CREATED, true, CREATED,
				endedAt, endReason);
	}

	private static DueMeasure dueMeasure() {
		return new DueMeasure(OCCURRENCE, PATIENT, SCHEDULE, "PHQ-9", "AFTER_DOSE_PT24H",
				Instant.parse("2026-12-02T09:00:00Z"), Instant.parse("2026-12-04T09:00:00Z"), "OVERDUE", null, null,
				null, null);
	}

	private static SelfReport.Issued issued(String emailedTo) {
		return new SelfReport.Issued(LINK, List.of("PHQ-9"),
				"https://clinic.example.invalid/self-report/synthetic-token", Instant.parse("2026-12-08T09:00:00Z"),
				emailedTo);
	}

}
