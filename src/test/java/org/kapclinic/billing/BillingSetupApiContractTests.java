package org.kapclinic.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The billing setup API's request/response contract as a web slice (no database, no
 * security filters; {@code BillingIT} sets the clinic's details, refuses a wrong NPI and
 * publishes a fee schedule that prices real sessions). Checked here: publishing a fee
 * schedule answers 201 with its version and lines and hands the lines on as typed; a line
 * whose code is not in the code list is a 400 naming {@code lines[0].code}; a units rule
 * that is none is unreadable and published nowhere; a role that may not is 403; the
 * schedules and the code list carry the fields a client reads; the clinic's details are
 * 404 until set, 200 once saved, a wrong NPI a 400 naming {@code npi}.
 */
@ApiContractTest(BillingSetupApi.class)
class BillingSetupApiContractTests {

	private static final UUID SCHEDULE = UUID.fromString("0190f0e0-0000-7000-8000-0000000f0001");

	private static final FeeLine LINE = new FeeLine("HCPCS", "G2082", List.of(), "Fictional nasal spray visit", 45_000,
			UnitsRule.PER_SERVICE, List.of("DOSING:IN"), null, null);

	private static final String SCHEDULE_BODY = """
			{"effectiveFrom":"2027-01-01","currency":"USD","note":"Fictional prices",
			 "lines":[{"codeSystem":"HCPCS","code":"G2082","description":"Fictional nasal spray visit",
			 "priceMinor":45000,"unitsRule":"PER_SERVICE","appliesTo":["DOSING:IN"]}]}""";

	private static final ClinicBilling.Details CLINIC = new ClinicBilling.Details("Testcase Ketamine Clinic",
			"1 Example Way, Springfield", "1234567893", "12-3456789", "11");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	FeeSchedules schedules;

	@MockitoBean
	ServiceCodes codes;

	@MockitoBean
	ClinicBilling clinic;

	@Test
	void publishingAScheduleAnswers201WithItsVersionAndLines() throws Exception {
		given(this.schedules.publish(any())).willReturn(schedule());
		publish(SCHEDULE_BODY).andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(SCHEDULE.toString()))
			.andExpect(jsonPath("$.version").value(3))
			.andExpect(jsonPath("$.effectiveFrom").value("2027-01-01"))
			.andExpect(jsonPath("$.currency").value("USD"))
			.andExpect(jsonPath("$.publishedAt").value("2026-12-06T09:00:00Z"))
			.andExpect(jsonPath("$.lines[0].codeSystem").value("HCPCS"))
			.andExpect(jsonPath("$.lines[0].code").value("G2082"))
			.andExpect(jsonPath("$.lines[0].priceMinor").value(45000))
			.andExpect(jsonPath("$.lines[0].unitsRule").value("PER_SERVICE"))
			.andExpect(jsonPath("$.lines[0].appliesTo[0]").value("DOSING:IN"))
			.andExpect(jsonPath("$.lines[0].modifiers").isEmpty());
		verify(this.schedules)
			.publish(new FeeScheduleRequest(LocalDate.of(2027, 1, 1), "USD", "Fictional prices", List.of(LINE)));
	}

	@Test
	void aCodeNotInTheListIs400NamingTheLine() throws Exception {
		given(this.schedules.publish(any())).willThrow(InvalidInputException.of("lines[0].code",
				"a CPT or HCPCS code in the clinic's code list (billing/service-codes.json)"));
		publish(SCHEDULE_BODY).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("lines[0].code"));
	}

	@Test
	void aUnitsRuleThatIsNoneIsUnreadableAndPublishedNowhere() throws Exception {
		publish(SCHEDULE_BODY.replace("PER_SERVICE", "PER_SMILE")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Unreadable request"));
		publish("effectiveFrom=2027-01-01").andExpect(status().isBadRequest());
		verify(this.schedules, never()).publish(any());
	}

	@Test
	void aRoleThatMayNotPublishIs403() throws Exception {
		given(this.schedules.publish(any())).willThrow(new AccessDeniedException("Administrators only"));
		publish(SCHEDULE_BODY).andExpect(status().isForbidden());
	}

	@Test
	void theSchedulesAndTheCodeListCarryWhatAClientReads() throws Exception {
		given(this.schedules.list()).willReturn(List.of(schedule()));
		this.mvc.perform(get("/api/v1/billing/fee-schedules"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].version").value(3))
			.andExpect(jsonPath("$[0].lines[0].code").value("G2082"));
		given(this.codes.list()).willReturn(new ServiceCodes.CodeList("2027-test", "2026-12-01", "Fictional list",
				List.of(new ServiceCodes.ServiceCode("HCPCS", "G9999", "Fictional retired code", "DELETED", "per visit",
						"2020-01-01", "G2082", "a fictional source", "not verified"))));
		this.mvc.perform(get("/api/v1/billing/service-codes"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value("2027-test"))
			.andExpect(jsonPath("$.checkedOn").value("2026-12-01"))
			.andExpect(jsonPath("$.codes[0].system").value("HCPCS"))
			.andExpect(jsonPath("$.codes[0].code").value("G9999"))
			.andExpect(jsonPath("$.codes[0].status").value("DELETED"))
			.andExpect(jsonPath("$.codes[0].replacedBy").value("G2082"))
			.andExpect(jsonPath("$.codes[0].confidence").value("not verified"));
	}

	@Test
	void theClinicsDetailsAre404UntilSet() throws Exception {
		given(this.clinic.details()).willReturn(Optional.empty());
		this.mvc.perform(get("/api/v1/clinic/billing"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("ClinicBilling not found"));
		given(this.clinic.details()).willReturn(Optional.of(CLINIC));
		this.mvc.perform(get("/api/v1/clinic/billing"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Testcase Ketamine Clinic"))
			.andExpect(jsonPath("$.npi").value("1234567893"))
			.andExpect(jsonPath("$.placeOfService").value("11"));
	}

	@Test
	void savingTheDetailsAnswersThemAWrongNpi400AndAnotherRole403() throws Exception {
		given(this.clinic.save(CLINIC)).willReturn(CLINIC);
		saveClinic(CLINIC.npi()).andExpect(status().isOk())
			.andExpect(jsonPath("$.address").value("1 Example Way, Springfield"))
			.andExpect(jsonPath("$.tin").value("12-3456789"));
		ClinicBilling.Details wrong = new ClinicBilling.Details(CLINIC.name(), CLINIC.address(), "1234567890",
				CLINIC.tin(), CLINIC.placeOfService());
		given(this.clinic.save(wrong)).willThrow(InvalidInputException.of("npi", "the check digit is wrong"));
		saveClinic("1234567890").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("npi"));
		given(this.clinic.save(CLINIC)).willThrow(new AccessDeniedException("Administrators only"));
		saveClinic(CLINIC.npi()).andExpect(status().isForbidden());
	}

	private ResultActions publish(String body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/billing/fee-schedules").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private ResultActions saveClinic(String npi) throws Exception {
		return this.mvc.perform(put("/api/v1/clinic/billing").contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"%s","address":"%s","npi":"%s","tin":"%s","placeOfService":"11"}""".formatted(CLINIC.name(),
					CLINIC.address(), npi, CLINIC.tin())));
	}

	private static FeeSchedule schedule() {
		return new FeeSchedule(SCHEDULE, 3, LocalDate.of(2027, 1, 1), "USD", "Fictional prices",
				Instant.parse("2026-12-06T09:00:00Z"), List.of(LINE));
	}

}
