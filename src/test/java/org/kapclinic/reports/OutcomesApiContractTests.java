package org.kapclinic.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.reports.OutcomesReportView.Cohort;
import org.kapclinic.reports.SmallCells.Cell;
import org.kapclinic.shared.InvalidInputException;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outcomes report API's request/response contract as a web slice (no database, no
 * security filters, so the controller's own role check is not in play here;
 * {@code OutcomesReportIT} computes a fixed synthetic cohort figure by figure and walks
 * the roles, {@code AlcoholAndWeeklyOutcomesIT} the weekly and abstinence views). Checked
 * here: the query parameters reach the report as the cohort they define (codes for the
 * age band and window, clinic dates); the answer names its instrument, cohort definition
 * and minimum cell, and a suppressed figure is {@code {"suppressed": true}} where a shown
 * one is its value; every parameter the report cannot read is a 400 naming it, before any
 * report runs; an instrument the report does not know is named too; a role the report
 * refuses is 403.
 */
@ApiContractTest(OutcomesApi.class)
class OutcomesApiContractTests {

	private static final String REPORT = "/api/v1/reports/outcomes";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OutcomesReport report;

	@Test
	void theParametersReachTheReportAsTheCohortTheyDefine() throws Exception {
		OutcomeFilter cohort = new OutcomeFilter("PHQ-9", "KAP", "IM", "F33", AgeBand.YOUNG_ADULT, "FEMALE",
				LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), FollowUpWindow.M3);
		given(this.report.report(cohort)).willReturn(view(cohort));
		this.mvc
			.perform(get(REPORT).param("instrument", " PHQ-9 ")
				.param("program", "KAP")
				.param("route", "IM")
				.param("condition", "F33")
				.param("ageBand", "18-25")
				.param("sexAtBirth", "FEMALE")
				.param("from", "2026-01-01")
				.param("to", "2026-06-30")
				.param("window", "3M"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.instrument").value("PHQ-9"))
			.andExpect(jsonPath("$.cohortDefinition.ageBand").value("18-25"))
			.andExpect(jsonPath("$.cohortDefinition.window").value("3M"))
			.andExpect(jsonPath("$.cohortDefinition.from").value("2026-01-01"))
			.andExpect(jsonPath("$.minCell").value(11));
		verify(this.report).report(cohort);
	}

	@Test
	void onlyAnInstrumentIsEveryWindowOverEveryCourse() throws Exception {
		this.mvc.perform(get(REPORT).param("instrument", "GAD-7").param("program", "")).andExpect(status().isOk());
		verify(this.report).report(new OutcomeFilter("GAD-7", null, null, null, null, null, null, null, null));
	}

	@Test
	void aSmallFigureIsSuppressedAndAShownOneIsItsValue() throws Exception {
		OutcomeFilter cohort = new OutcomeFilter("PHQ-9", null, null, null, null, null, null, null, null);
		given(this.report.report(cohort)).willReturn(view(cohort));
		this.mvc.perform(get(REPORT).param("instrument", "PHQ-9"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cohort.courses").value(24))
			.andExpect(jsonPath("$.cohort.patients.suppressed").value(true))
			.andExpect(jsonPath("$.windows[0].window").value("END_OF_COURSE"))
			.andExpect(jsonPath("$.windows[0].withBaseline").value(22))
			.andExpect(jsonPath("$.windows[0].n.suppressed").value(true))
			.andExpect(jsonPath("$.windows[0].lostToFollowUp.suppressed").value(true))
			.andExpect(jsonPath("$.windows[0].remissionRate.suppressed").value(true))
			.andExpect(jsonPath("$.rulesVersions[0]").value("outcome-rules-3"))
			.andExpect(jsonPath("$.dataAsOf").value("2026-12-06T06:00:00Z"));
	}

	@Test
	void everyParameterTheReportCannotReadIsNamedBeforeAnyReportRuns() throws Exception {
		badParameter("window", "2M").andExpect(jsonPath("$.errors[0].message").value(containsString("3M")));
		badParameter("condition", "depression");
		badParameter("ageBand", "40-50");
		badParameter("program", "HOMEOPATHY");
		badParameter("route", "PO");
		badParameter("sexAtBirth", "NOT_SAID");
		this.mvc.perform(get(REPORT).param("instrument", "PHQ-9-LONGER-THAN-ANY-INSTRUMENT-IS-NAMED"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("instrument"));
		this.mvc.perform(get(REPORT).param("program", "KAP"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("instrument"));
		this.mvc.perform(get(REPORT).param("instrument", "PHQ-9").param("from", "2026-13-01"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("'from'")));
		verifyNoInteractions(this.report);
	}

	@Test
	void anInstrumentTheReportDoesNotKnowIsNamed() throws Exception {
		given(this.report.report(any()))
			.willThrow(InvalidInputException.of("instrument", "no outcomes are kept for NOPE-1"));
		this.mvc.perform(get(REPORT).param("instrument", "NOPE-1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("instrument"));
	}

	@Test
	void aRoleThatMayNotIs403() throws Exception {
		given(this.report.report(any())).willThrow(new AccessDeniedException("Administrators and prescribers"));
		this.mvc.perform(get(REPORT).param("instrument", "PHQ-9"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Forbidden"));
	}

	private ResultActions badParameter(String name, String value) throws Exception {
		return this.mvc.perform(get(REPORT).param("instrument", "PHQ-9").param(name, value))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value(name));
	}

	private static OutcomesReportView view(OutcomeFilter cohort) {
		WindowFigures endOfCourse = new WindowFigures(FollowUpWindow.END_OF_COURSE, Cell.shown(22), Cell.hidden(),
				Cell.hidden(), Cell.hidden(), Cell.hidden(), null, Cell.hidden(), Cell.hidden());
		return new OutcomesReportView(cohort.instrument(), cohort, SmallCells.DEFAULT_MIN,
				new Cohort(Cell.shown(24), Cell.hidden()), List.of(endOfCourse), null, null, null, null,
				List.of("outcome-rules-3"), Instant.parse("2026-12-06T06:00:00Z"), List.of(), null);
	}

}
