package org.kapclinic.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.reports.SmallCells;
import org.kapclinic.reports.SmallCells.Cell;
import org.kapclinic.safety.SafetyReportView.Line;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

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
 * The long-term safety report API's request/response contract as a web slice (no
 * database, no security filters; {@code SafetyReportIT} adds eleven synthetic maintenance
 * patients and sees every line grow by eleven, never a count from 1 to 10, and keeps
 * other roles out). Checked here: the period in days reaches the report as sent, and
 * without one the report chooses it; each line is a code, its words and a count of
 * patients, a suppressed one {@code {"suppressed": true}}, with the period and minimum
 * cell clients show beside them; a period that is no whole number is a 400 naming
 * {@code days} before any report runs; a period the report refuses is named; a role that
 * may not is 403.
 */
@ApiContractTest(SafetyReportApi.class)
class SafetyReportApiContractTests {

	private static final String REPORT = "/api/v1/reports/safety";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SafetyReport report;

	@Test
	void theDaysReachTheReportAndEachLineIsACodeWordsAndACount() throws Exception {
		given(this.report.report(30)).willReturn(view(30));
		this.mvc.perform(get(REPORT).param("days", "30"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.asOf").value("2026-12-06T06:00:00Z"))
			.andExpect(jsonPath("$.days").value(30))
			.andExpect(jsonPath("$.since").value("2026-11-06"))
			.andExpect(jsonPath("$.minCell").value(SmallCells.DEFAULT_MIN))
			.andExpect(jsonPath("$.maintenance[0].code").value("ON_MAINTENANCE"))
			.andExpect(jsonPath("$.maintenance[0].label").value("Patients on maintenance dosing"))
			.andExpect(jsonPath("$.maintenance[0].patients").value(14))
			.andExpect(jsonPath("$.screens[0].patients").value(0))
			.andExpect(jsonPath("$.labFlags[0].code").value("HIGH"))
			.andExpect(jsonPath("$.misuseSignals[0].code").value("PDMP_CONCERN"))
			.andExpect(jsonPath("$.misuseSignals[0].patients.suppressed").value(true))
			.andExpect(jsonPath("$.misuseSignals[0].patients.value").doesNotExist());
		verify(this.report).report(30);
	}

	@Test
	void withoutDaysTheReportChoosesThePeriod() throws Exception {
		given(this.report.report(null)).willReturn(view(90));
		this.mvc.perform(get(REPORT)).andExpect(status().isOk()).andExpect(jsonPath("$.days").value(90));
		verify(this.report).report(null);
	}

	@Test
	void daysThatAreNoWholeNumberReachNoReport() throws Exception {
		for (String days : new String[] { "ninety", "1.5", "2147483648" }) {
			this.mvc.perform(get(REPORT).param("days", days))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(containsString("'days'")));
		}
		verifyNoInteractions(this.report);
	}

	@Test
	void aPeriodTheReportRefusesIsNamed() throws Exception {
		given(this.report.report(5)).willThrow(InvalidInputException.of("days", "the period in days, 7 to 730"));
		this.mvc.perform(get(REPORT).param("days", "5"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("days"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("7 to 730")));
	}

	@Test
	void aRoleThatMayNotIs403() throws Exception {
		given(this.report.report(any())).willThrow(new AccessDeniedException("Prescribers and administrators"));
		this.mvc.perform(get(REPORT))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Forbidden"))
			.andExpect(jsonPath("$.maintenance").doesNotExist());
	}

	private static SafetyReportView view(int days) {
		return new SafetyReportView(Instant.parse("2026-12-06T06:00:00Z"), days, LocalDate.of(2026, 11, 6),
				SmallCells.DEFAULT_MIN,
				List.of(new Line("ON_MAINTENANCE", "Patients on maintenance dosing", new Cell<>(14, false))),
				List.of(new Line("BLADDER_SYMPTOMS", "Bladder symptom checklist with a symptom", new Cell<>(0, false))),
				List.of(new Line("HIGH", LabFlag.HIGH.label(), new Cell<>(22, false))),
				List.of(new Line("PDMP_CONCERN", "PDMP concern", new Cell<>(null, true))));
	}

}
