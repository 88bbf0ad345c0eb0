package org.kapclinic.safety;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.scheduling.MaintenanceCourses.MaintenanceCourse;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The maintenance review API's request/response contract as a web slice (no database, no
 * security filters; {@code MaintenanceReviewIT} lets a real review fall overdue, has a
 * booking refused, records the review as a prescriber and sees the booking released).
 * Checked here: a review answers 201 with its decision as a code and in words, who
 * reviewed and the signed note's id, and hands the request on as typed; a decision that
 * is none and a missing reason are 400s naming both; a nurse is 403 and an unknown
 * patient 404; the status carries whether the patient is on maintenance, the courses,
 * when the review is due, whether it is overdue and every review; a body that is no JSON
 * and a patient id that is no UUID reach no service.
 */
@ApiContractTest(MaintenanceApi.class)
class MaintenanceApiContractTests {

	private static final UUID PATIENT = UUID.fromString("0190f0e0-0000-7000-8000-0000000e0001");

	private static final UUID COURSE = UUID.fromString("0190f0e0-0000-7000-8000-0000000e0002");

	private static final UUID REVIEW = UUID.fromString("0190f0e0-0000-7000-8000-0000000e0003");

	private static final UUID PRESCRIBER = UUID.fromString("0190f0e0-0000-7000-8000-0000000e0004");

	private static final UUID NOTE = UUID.fromString("0190f0e0-0000-7000-8000-0000000e0005");

	private static final String REASON = "Fictional: PHQ-9 stable, no urinary symptoms; lengthen to every 6 weeks";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	MaintenanceReviews reviews;

	@Test
	void aReviewAnswers201WithTheDecisionInCodeAndWords() throws Exception {
		given(this.reviews.record(eq(PATIENT), any())).willReturn(review());
		record("""
				{"decision":"TAPER","reason":"%s","courseId":"%s"}""".formatted(REASON, COURSE))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(REVIEW.toString()))
			.andExpect(jsonPath("$.patientId").value(PATIENT.toString()))
			.andExpect(jsonPath("$.courseId").value(COURSE.toString()))
			.andExpect(jsonPath("$.decision").value("TAPER"))
			.andExpect(jsonPath("$.decisionLabel").value("Taper: longer intervals or lower doses"))
			.andExpect(jsonPath("$.reason").value(REASON))
			.andExpect(jsonPath("$.reviewedAt").value("2026-12-06T10:00:00Z"))
			.andExpect(jsonPath("$.reviewedBy").value(PRESCRIBER.toString()))
			.andExpect(jsonPath("$.reviewedByName").value("Dr. Testcase"))
			.andExpect(jsonPath("$.noteId").value(NOTE.toString()));
		verify(this.reviews).record(PATIENT, new ReviewRequest("TAPER", REASON, COURSE));
	}

	@Test
	void aDecisionThatIsNoneAndAMissingReasonAreNamed() throws Exception {
		given(this.reviews.record(PATIENT, new ReviewRequest("KEEP_GOING", " ", null)))
			.willThrow(new InvalidInputException(List.of(
					new FieldProblem("decision", "one of [CONTINUE, TAPER, PAUSE, STOP]"),
					new FieldProblem("reason", "why, in 1–2000 characters (exposure, results, benefit, concerns)"))));
		record("""
				{"decision":"KEEP_GOING","reason":" "}""").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("decision"))
			.andExpect(jsonPath("$.errors[0].message").value("one of [CONTINUE, TAPER, PAUSE, STOP]"))
			.andExpect(jsonPath("$.errors[1].field").value("reason"));
	}

	@Test
	void aNurseIs403AndAnUnknownPatient404() throws Exception {
		given(this.reviews.record(eq(PATIENT), any()))
			.willThrow(new AccessDeniedException("A prescriber records the maintenance review"));
		record("""
				{"decision":"CONTINUE","reason":"%s"}""".formatted(REASON)).andExpect(status().isForbidden());
		UUID unknown = UUID.fromString("0190f0e0-0000-7000-8000-0000000e00ff");
		given(this.reviews.status(unknown)).willThrow(new NotFoundException("Patient", unknown));
		this.mvc.perform(get("/api/v1/patients/{id}/maintenance-reviews", unknown))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("Patient not found"));
	}

	@Test
	void theStatusSaysWhenTheReviewIsDueWhetherOverdueAndEveryReview() throws Exception {
		given(this.reviews.status(PATIENT)).willReturn(new MaintenanceStatus(true,
				List.of(new MaintenanceCourse(COURSE, PATIENT, "Fictional maintenance booster",
						Instant.parse("2026-09-01T09:00:00Z"))),
				Instant.parse("2026-11-30T09:00:00Z"), true, List.of(review())));
		this.mvc.perform(get("/api/v1/patients/{id}/maintenance-reviews", PATIENT))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.onMaintenance").value(true))
			.andExpect(jsonPath("$.courses[0].courseId").value(COURSE.toString()))
			.andExpect(jsonPath("$.courses[0].name").value("Fictional maintenance booster"))
			.andExpect(jsonPath("$.courses[0].startedAt").value("2026-09-01T09:00:00Z"))
			.andExpect(jsonPath("$.dueAt").value("2026-11-30T09:00:00Z"))
			.andExpect(jsonPath("$.overdue").value(true))
			.andExpect(jsonPath("$.reviews[0].decision").value("TAPER"))
			.andExpect(jsonPath("$.reviews[0].noteId").value(NOTE.toString()));
	}

	@Test
	void aPatientNotOnMaintenanceHasNoDueDate() throws Exception {
		given(this.reviews.status(PATIENT)).willReturn(new MaintenanceStatus(false, List.of(), null, false, List.of()));
		this.mvc.perform(get("/api/v1/patients/{id}/maintenance-reviews", PATIENT))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.onMaintenance").value(false))
			.andExpect(jsonPath("$.overdue").value(false))
			.andExpect(jsonPath("$.reviews").isEmpty());
	}

	@Test
	void aBodyThatIsNoJsonOrAnIdThatIsNoUuidReachesNoService() throws Exception {
		record("decision=CONTINUE").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Unreadable request"));
		this.mvc
			.perform(post("/api/v1/patients/{id}/maintenance-reviews", "patient-1")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"decision\":\"CONTINUE\",\"reason\":\"" + REASON + "\"}"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/patients/{id}/maintenance-reviews", "patient-1"))
			.andExpect(status().isBadRequest());
		verifyNoInteractions(this.reviews);
	}

	private ResultActions record(String body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/patients/{id}/maintenance-reviews", PATIENT).contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}

	private static MaintenanceReview review() {
		return new MaintenanceReview(REVIEW, PATIENT, COURSE, MaintenanceDecision.TAPER,
				MaintenanceDecision.TAPER.label(), REASON, Instant.parse("2026-12-06T10:00:00Z"), PRESCRIBER,
				"Dr. Testcase", NOTE);
	}

}
