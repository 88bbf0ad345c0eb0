package org.kapclinic.tasks;

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

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The care-task API's contract as a web slice (no database, no security filters;
 * {@code TasksModuleTests} opens and hands on tasks for real; {@code SelfReportIT},
 * {@code BreakGlassIT} and {@code AccessEndsIT} list and complete them over HTTP).
 * Checked here: a list carries priority, assignees and whether only the source closes the
 * task; completing one answers the task done; a source-closed task is 422 with its
 * reason; a missing note is named; someone not assigned is 403; an unknown task 404; a
 * body that is no JSON reaches no service.
 */
@ApiContractTest(TasksApi.class)
class TasksApiContractTests {

	private static final UUID TASK = UUID.fromString("0190f0e0-0000-7000-8000-00000007a001");

	private static final UUID PATIENT = UUID.fromString("0190f0e0-0000-7000-8000-00000007a002");

	private static final UUID NURSE = UUID.fromString("0190f0e0-0000-7000-8000-00000007a003");

	private static final Instant CREATED = Instant.parse("2026-12-06T09:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CareTasks tasks;

	@Test
	void myTasksCarryPriorityAssigneesAndWhoClosesThem() throws Exception {
		given(this.tasks.mine()).willReturn(List.of(task(true, null)));
		this.mvc.perform(get("/api/v1/tasks"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(TASK.toString()))
			.andExpect(jsonPath("$[0].priority").value("URGENT"))
			.andExpect(jsonPath("$[0].closedBySource").value(true))
			.andExpect(jsonPath("$[0].assignees[0].displayName").value("Nurse Testcase"))
			.andExpect(jsonPath("$[0].linkPath").value("/patients/" + PATIENT + "/measures"))
			.andExpect(jsonPath("$[0].createdAt").value("2026-12-06T09:00:00Z"));
	}

	@Test
	void completingATaskAnswersItDone() throws Exception {
		given(this.tasks.complete(TASK, "Called the patient; safety plan reviewed"))
			.willReturn(task(false, Instant.parse("2026-12-06T10:00:00Z")));
		complete("""
				{"note":"Called the patient; safety plan reviewed"}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.completedAt").value("2026-12-06T10:00:00Z"))
			.andExpect(jsonPath("$.completedBy").value(NURSE.toString()));
	}

	@Test
	void aTaskItsSourceClosesIs422WithTheReason() throws Exception {
		given(this.tasks.complete(TASK, "done")).willThrow(new RuleViolationException(
				"This task is done when its SuicideRiskFlag is closed with the documented assessment.",
				List.of("CLOSED_BY_SOURCE")));
		complete("""
				{"note":"done"}""").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reasons[0]").value("CLOSED_BY_SOURCE"))
			.andExpect(jsonPath("$.detail").value(containsString("documented assessment")));
	}

	@Test
	void aMissingNoteIsNamed() throws Exception {
		given(this.tasks.complete(TASK, null))
			.willThrow(InvalidInputException.of("note", "say what was done (1–4000 characters)"));
		complete("{}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"));
	}

	@Test
	void someoneNotAssignedIs403AndAnUnknownTask404() throws Exception {
		given(this.tasks.complete(TASK, "done"))
			.willThrow(new AccessDeniedException("Only an assignee completes this task"));
		complete("""
				{"note":"done"}""").andExpect(status().isForbidden());
		UUID unknown = UUID.fromString("0190f0e0-0000-7000-8000-00000007a0ff");
		given(this.tasks.complete(unknown, "done")).willThrow(new NotFoundException(CareTasks.RESOURCE, unknown));
		this.mvc
			.perform(post("/api/v1/tasks/{id}/complete", unknown).contentType(MediaType.APPLICATION_JSON).content("""
					{"note":"done"}"""))
			.andExpect(status().isNotFound());
	}

	@Test
	void aBodyThatIsNoJsonReachesNoService() throws Exception {
		complete("note=done").andExpect(status().isBadRequest());
		verifyNoInteractions(this.tasks);
	}

	private ResultActions complete(String body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/tasks/{id}/complete", TASK).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static CareTask task(boolean closedBySource, Instant completedAt) {
		return new CareTask(TASK, PATIENT, TaskPriority.URGENT, "SUICIDE_RISK_REVIEW", "Suicide-risk review",
				"PHQ-9 item 9 answered above zero", "SuicideRiskFlag", UUID.randomUUID(), closedBySource, CREATED, null,
				completedAt, (completedAt != null) ? NURSE : null,
				(completedAt != null) ? "Called the patient; safety plan reviewed" : null,
				List.of(new CareTask.Assignee(NURSE, "Nurse Testcase")), "/patients/" + PATIENT + "/measures",
				"Open measures");
	}

}
