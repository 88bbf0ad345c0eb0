package org.kapclinic.patient;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.shared.VersionConflictException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The patient API's request/response contract as a web slice (no database, no security
 * filters; {@code PatientIT} registers real patients with roles). Checked here: a
 * registration's field rules come back together, each naming its field, and nothing
 * reaches the service; a possible duplicate is a 409 with {@code code} and the matches a
 * client shows; a stale version is a 409 with the current one; a weight out of range or a
 * void without a reason is 400; paging limits are enforced.
 */
@ApiContractTest(PatientApi.class)
class PatientApiContractTests {

	private static final UUID PATIENT = UUID.fromString("0190f0e0-0000-7000-8000-00000000c001");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PatientService patients;

	@Test
	void aRegistrationReportsEveryFieldAtOnceAndSavesNothing() throws Exception {
		this.mvc.perform(post("/api/v1/patients").contentType(MediaType.APPLICATION_JSON).content("""
				{"givenName":"","familyName":"Testwell","birthDate":"2999-01-01","email":"not-an-address",
				 "phone":"call me"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Invalid input"))
			.andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.containsInAnyOrder("givenName", "birthDate", "email", "phone")));
		verifyNoInteractions(this.patients);
	}

	@Test
	void aPossibleDuplicateIs409WithTheMatchesToShow() throws Exception {
		UUID existing = UUID.fromString("0190f0e0-0000-7000-8000-00000000c002");
		given(this.patients.register(any())).willThrow(
				new PossibleDuplicateException(List.of(new DuplicateMatch(existing, "KAP-000123", "Testwell, Ada",
						LocalDate.of(1980, 1, 2), List.of(DuplicateMatch.MatchedOn.NAME_AND_BIRTH_DATE)))));
		this.mvc.perform(post("/api/v1/patients").contentType(MediaType.APPLICATION_JSON).content("""
				{"givenName":"Ada","familyName":"Testwell","birthDate":"1980-01-02"}"""))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value(PossibleDuplicateException.CODE))
			.andExpect(jsonPath("$.matches[0].id").value(existing.toString()))
			.andExpect(jsonPath("$.matches[0].mrn").value("KAP-000123"))
			.andExpect(jsonPath("$.conflict.resourceType").value("Patient"));
	}

	@Test
	void aStaleVersionIs409WithTheCurrentOne() throws Exception {
		given(this.patients.update(eq(PATIENT), any())).willThrow(new VersionConflictException("Patient", PATIENT, 4));
		this.mvc.perform(put("/api/v1/patients/" + PATIENT).contentType(MediaType.APPLICATION_JSON).content("""
				{"givenName":"Ada","familyName":"Testwell","birthDate":"1980-01-02","version":3}"""))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("Version conflict"))
			.andExpect(jsonPath("$.currentVersion").value(4));
	}

	@Test
	void aWeightOutOfRangeOrAVoidWithoutAReasonIs400() throws Exception {
		String measurements = "/api/v1/patients/" + PATIENT + "/body-measurements";
		this.mvc.perform(post(measurements).contentType(MediaType.APPLICATION_JSON).content("{\"weightKg\":600}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("weightKg"));
		UUID entry = UUID.fromString("0190f0e0-0000-7000-8000-00000000c003");
		this.mvc
			.perform(post(measurements + "/" + entry + "/void").contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\" \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		verifyNoInteractions(this.patients);
		this.mvc
			.perform(post(measurements + "/" + entry + "/void").contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"entered on the wrong chart\"}"))
			.andExpect(status().isNoContent());
		verify(this.patients).voidMeasurement(PATIENT, entry, "entered on the wrong chart");
	}

	@Test
	void aSearchPageIsAtMostAHundred() throws Exception {
		this.mvc.perform(get("/api/v1/patients").param("q", "Test").param("size", "101"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
		verifyNoInteractions(this.patients);
		this.mvc.perform(get("/api/v1/patients").param("q", "Test")).andExpect(status().isOk());
		verify(this.patients).search("Test", 0, 20);
	}

}
