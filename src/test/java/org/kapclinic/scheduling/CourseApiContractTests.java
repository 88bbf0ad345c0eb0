package org.kapclinic.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.kapclinic.shared.VersionConflictException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The course API's request/response contract as a web slice (no database, no security
 * filters; {@code SchedulingIT}'s course walk starts, moves and adjusts a real course as
 * a prescriber and reads its progress, checks and history). Checked here: starting a
 * course answers 201 with its address, plan and version; a template code the request
 * cannot name is a 400 naming it before any service; a wrong transition is a 422 with its
 * reason and a stale version a 409 with the current one; a plan change without a number
 * is handed on as 0 for the service to name; progress, checks and history each read (and
 * so audit) the course first; templates list and publish (201, 403 for a role that may
 * not); an unknown course is 404; an id or body that is unreadable reaches no service.
 */
@ApiContractTest(CourseApi.class)
class CourseApiContractTests {

	private static final UUID PATIENT = UUID.fromString("0190f0e0-0000-7000-8000-0000000c0001");

	private static final UUID COURSE = UUID.fromString("0190f0e0-0000-7000-8000-0000000c0002");

	private static final UUID PRESCRIBER = UUID.fromString("0190f0e0-0000-7000-8000-0000000c0003");

	private static final UUID THERAPIST = UUID.fromString("0190f0e0-0000-7000-8000-0000000c0004");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CourseTemplates templates;

	@MockitoBean
	Courses courses;

	@MockitoBean
	CourseProgress progress;

	@Test
	void startingACourseAnswers201WithItsAddressPlanAndVersion() throws Exception {
		given(this.courses.start(any(), any())).willReturn(course(CourseStatus.PLANNED, 0));
		start("""
				{"templateCode":"KAP_TESTCASE","prescriberId":"%s","therapistId":"%s","goals":"Fictional goals"}"""
			.formatted(PRESCRIBER, THERAPIST)).andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/courses/" + COURSE))
			.andExpect(jsonPath("$.id").value(COURSE.toString()))
			.andExpect(jsonPath("$.patientId").value(PATIENT.toString()))
			.andExpect(jsonPath("$.templateCode").value("KAP_TESTCASE"))
			.andExpect(jsonPath("$.templateVersion").value("2026.1"))
			.andExpect(jsonPath("$.program").value("KAP"))
			.andExpect(jsonPath("$.therapistId").value(THERAPIST.toString()))
			.andExpect(jsonPath("$.status").value("PLANNED"))
			.andExpect(jsonPath("$.plan[0].type").value("DOSING"))
			.andExpect(jsonPath("$.plan[0].count").value(6))
			.andExpect(jsonPath("$.plan[0].roles[0]").value("NURSE"))
			.andExpect(jsonPath("$.createdAt").value("2026-12-01T09:00:00Z"))
			.andExpect(jsonPath("$.version").value(0));
		verify(this.courses).start(PATIENT,
				new CourseRequest("KAP_TESTCASE", PRESCRIBER, THERAPIST, null, "Fictional goals"));
	}

	@Test
	void aMissingTemplateCodeIs400NamingItBeforeAnyService() throws Exception {
		start("""
				{"templateCode":" ","therapistId":"%s"}""".formatted(THERAPIST)).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("templateCode"));
		start("templateCode=KAP_TESTCASE").andExpect(status().isBadRequest());
		verifyNoInteractions(this.courses);
	}

	@Test
	void whatTheServiceRefusesIsNamedAsTheServiceNamesIt() throws Exception {
		given(this.courses.start(any(), any()))
			.willThrow(InvalidInputException.of("therapistId", "a KAP course needs an in-house therapist"));
		start("""
				{"templateCode":"KAP_TESTCASE"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("therapistId"));
		willThrow(new AccessDeniedException("Prescribers plan courses")).given(this.courses).start(any(), any());
		start("""
				{"templateCode":"KAP_TESTCASE"}""").andExpect(status().isForbidden());
	}

	@Test
	void aStatusChangeAnswersTheCourseAWrongOne422AndAStaleOne409() throws Exception {
		given(this.courses.changeStatus(COURSE, "ACTIVE", null, 0)).willReturn(course(CourseStatus.ACTIVE, 1));
		postTo("status", """
				{"status":"ACTIVE","version":0}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.version").value(1));
		given(this.courses.changeStatus(COURSE, "COMPLETED", null, 0)).willThrow(new RuleViolationException(
				"A planned course cannot become completed.", List.of("TRANSITION_NOT_ALLOWED")));
		postTo("status", """
				{"status":"COMPLETED","version":0}""").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reasons[0]").value("TRANSITION_NOT_ALLOWED"))
			.andExpect(jsonPath("$.detail").value("A planned course cannot become completed."));
		given(this.courses.changeStatus(COURSE, "PAUSED", "Testcase travels", 0))
			.willThrow(new VersionConflictException("Course", COURSE, 2));
		postTo("status", """
				{"status":"PAUSED","reason":"Testcase travels","version":0}""").andExpect(status().isConflict())
			.andExpect(jsonPath("$.currentVersion").value(2));
	}

	@Test
	void aPlanChangeWithoutANumberIsHandedOnAsZeroForTheServiceToName() throws Exception {
		given(this.courses.adjustPlan(COURSE, "DOSING", 0, "Booster asked for", 1))
			.willThrow(InvalidInputException.of("add", "a number of sessions, not 0, at most 52"));
		postTo("plan", """
				{"type":"DOSING","reason":"Booster asked for","version":1}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("add"));
		given(this.courses.adjustPlan(COURSE, "DOSING", 1, "Booster asked for", 1))
			.willReturn(course(CourseStatus.ACTIVE, 2));
		postTo("plan", """
				{"type":"DOSING","add":1,"reason":"Booster asked for","version":1}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(2));
	}

	@Test
	void progressChecksAndHistoryReadTheCourseFirst() throws Exception {
		given(this.progress.progress(COURSE)).willReturn(List.of(new Course.Progress("DOSING", 6, 2, 1)));
		given(this.progress.checks(COURSE)).willReturn(List.of("MISSING_INTEGRATION"));
		given(this.progress.history(COURSE))
			.willReturn(List.of(Map.of("change", "PLANNED -> ACTIVE", "reason", "Fictional start")));
		this.mvc.perform(get("/api/v1/courses/{id}/progress", COURSE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].type").value("DOSING"))
			.andExpect(jsonPath("$[0].planned").value(6))
			.andExpect(jsonPath("$[0].booked").value(2))
			.andExpect(jsonPath("$[0].completed").value(1));
		this.mvc.perform(get("/api/v1/courses/{id}/checks", COURSE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0]").value("MISSING_INTEGRATION"));
		this.mvc.perform(get("/api/v1/courses/{id}/history", COURSE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].change").value("PLANNED -> ACTIVE"));
		verify(this.courses).read(COURSE, "progress");
		verify(this.courses).read(COURSE, "checks");
		verify(this.courses).read(COURSE, "history");
	}

	@Test
	void anUnknownCourseIs404AndAnotherTeamsPatient403() throws Exception {
		UUID unknown = UUID.fromString("0190f0e0-0000-7000-8000-0000000c00ff");
		given(this.courses.read(unknown, "course")).willThrow(new NotFoundException(Courses.RESOURCE, unknown));
		this.mvc.perform(get("/api/v1/courses/{id}", unknown))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		given(this.courses.read(unknown, "progress")).willThrow(new NotFoundException(Courses.RESOURCE, unknown));
		this.mvc.perform(get("/api/v1/courses/{id}/progress", unknown)).andExpect(status().isNotFound());
		verify(this.progress, never()).progress(any());
		given(this.courses.list(PATIENT)).willThrow(new AccessDeniedException("Not in the care team"));
		this.mvc.perform(get("/api/v1/patients/{id}/courses", PATIENT)).andExpect(status().isForbidden());
	}

	@Test
	void templatesAreListedAndPublishedByAdministratorsOnly() throws Exception {
		given(this.templates.current()).willReturn(List.of(template()));
		this.mvc.perform(get("/api/v1/course-templates"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].code").value("KAP_TESTCASE"))
			.andExpect(jsonPath("$[0].version").value("2026.1"))
			.andExpect(jsonPath("$[0].program").value("KAP"))
			.andExpect(jsonPath("$[0].steps[0].type").value("DOSING"))
			.andExpect(jsonPath("$[0].spacing.maxDosesPerWeek").value(2));
		given(this.templates.publish(template())).willReturn(template());
		String body = """
				{"code":"KAP_TESTCASE","version":"2026.1","name":"Fictional KAP course","program":"KAP",
				 "steps":[{"type":"DOSING","count":6,"durationMinutes":120,"roles":["NURSE"]}],
				 "spacing":{"maxDosesPerWeek":2}}""";
		this.mvc.perform(post("/api/v1/course-templates").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.code").value("KAP_TESTCASE"));
		given(this.templates.publish(template()))
			.willThrow(new AccessDeniedException("Only administrators publish templates"));
		this.mvc.perform(post("/api/v1/course-templates").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden());
	}

	@Test
	void aCourseIdThatIsNoUuidReachesNoService() throws Exception {
		this.mvc.perform(get("/api/v1/courses/{id}", "course-7")).andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/v1/courses/{id}/status", "course-7").contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\":\"ACTIVE\"}"))
			.andExpect(status().isBadRequest());
		verifyNoInteractions(this.courses, this.progress);
	}

	private ResultActions start(String body) throws Exception {
		return this.mvc.perform(
				post("/api/v1/patients/{id}/courses", PATIENT).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private ResultActions postTo(String what, String body) throws Exception {
		return this.mvc.perform(
				post("/api/v1/courses/{id}/" + what, COURSE).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static Course course(CourseStatus status, int version) {
		return new Course(COURSE, PATIENT, "KAP_TESTCASE", "2026.1", "KAP", PRESCRIBER, THERAPIST, null,
				"Fictional goals", status, null,
				List.of(new Course.PlannedStep("DOSING", 6, 120, List.of("NURSE"), List.of(), null)),
				Instant.parse("2026-12-01T09:00:00Z"), version);
	}

	private static CourseTemplate template() {
		return new CourseTemplate("KAP_TESTCASE", "2026.1", "Fictional KAP course", "KAP", null, null,
				List.of(new CourseTemplate.Step("DOSING", 6, 120, List.of("NURSE"), null, null, null)),
				new CourseTemplate.Spacing(2, null, null), null);
	}

}
