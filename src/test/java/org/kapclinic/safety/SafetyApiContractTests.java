package org.kapclinic.safety;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.safety.MisuseRecordRequests.PdmpCheckRequest;
import org.kapclinic.safety.MisuseRecordRequests.TakeHomeReportRequest;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The long-term safety APIs' contract as a web slice (labs, PDMP checks, take-home
 * supplies; no database, no security filters: {@code LabResultsIT},
 * {@code BladderScreenIT} and {@code MisuseSignalsIT} record and flag for real). Checked
 * here: a lab result answers 201 with its flags both as codes and as the words staff
 * read; a result whose fields do not fit its test names them; a collection time that is
 * no instant is unreadable and recorded nowhere; a void needs its reason; a PDMP check
 * answers 201 with its id; a take-home supply's use is reported once (204, then 409).
 */
@ApiContractTest({ LabApi.class, MisuseApi.class })
class SafetyApiContractTests {

	private static final UUID PATIENT = UUID.fromString("0190f0e0-0000-7000-8000-0000000a0001");

	private static final UUID RESULT = UUID.fromString("0190f0e0-0000-7000-8000-0000000a0002");

	private static final UUID SUPPLY = UUID.fromString("0190f0e0-0000-7000-8000-0000000a0003");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	LabResults labs;

	@MockitoBean
	MisuseSignals signals;

	@MockitoBean
	MisuseRecords records;

	@Test
	void aLabResultAnswers201WithItsFlagsAsCodesAndWords() throws Exception {
		given(this.labs.record(eq(PATIENT), any())).willReturn(new LabResult(RESULT, PATIENT, "1742-6", "ALT",
				new BigDecimal("190"), "U/L", new BigDecimal("7"), new BigDecimal("56"),
				Instant.parse("2026-12-02T08:30:00Z"), List.of(LabFlag.HIGH, LabFlag.PRESCRIBER_REVIEW),
				List.of(LabFlag.HIGH.label(), LabFlag.PRESCRIBER_REVIEW.label()), null, null, null));
		this.mvc
			.perform(post("/api/v1/patients/{id}/lab-results", PATIENT).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"code":"1742-6","value":190,"unit":"U/L","referenceLow":7,"referenceHigh":56,
						 "collectedAt":"2026-12-02T08:30:00Z"}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.flags[1]").value("PRESCRIBER_REVIEW"))
			.andExpect(jsonPath("$.flagLabels[1]").value(LabFlag.PRESCRIBER_REVIEW.label()));
		verify(this.labs).record(PATIENT, new LabResultRequest("1742-6", new BigDecimal("190"), "U/L",
				new BigDecimal("7"), new BigDecimal("56"), Instant.parse("2026-12-02T08:30:00Z"), null));
	}

	@Test
	void aResultWhoseFieldsDoNotFitItsTestNamesThem() throws Exception {
		given(this.labs.record(eq(PATIENT), any())).willThrow(
				new InvalidInputException(List.of(new InvalidInputException.FieldProblem("unit", "ALT is in U/L"),
						new InvalidInputException.FieldProblem("result", "ALT has a value, not a result"))));
		this.mvc
			.perform(post("/api/v1/patients/{id}/lab-results", PATIENT).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"code":"1742-6","unit":"mg/dL","result":"POSITIVE","collectedAt":"2026-12-02T08:30:00Z"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("unit"))
			.andExpect(jsonPath("$.errors[1].field").value("result"));
	}

	@Test
	void aCollectionTimeThatIsNoInstantIsUnreadableAndRecordedNowhere() throws Exception {
		this.mvc
			.perform(post("/api/v1/patients/{id}/lab-results", PATIENT).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"code":"1742-6","value":41,"unit":"U/L","collectedAt":"yesterday"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Unreadable request"));
		verifyNoInteractions(this.labs);
	}

	@Test
	void aVoidWithoutAReasonNamesIt() throws Exception {
		given(this.labs.voidResult(PATIENT, RESULT, null))
			.willThrow(InvalidInputException.of("reason", "say why the entry is wrong"));
		this.mvc
			.perform(post("/api/v1/patients/{id}/lab-results/{resultId}/void", PATIENT, RESULT)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
	}

	@Test
	void aPdmpCheckAnswers201WithItsId() throws Exception {
		UUID check = UUID.fromString("0190f0e0-0000-7000-8000-0000000a0004");
		given(this.records.recordPdmpCheck(eq(PATIENT), any())).willReturn(check);
		this.mvc
			.perform(post("/api/v1/patients/{id}/pdmp-checks", PATIENT).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"checkedOn":"2026-12-01","state":"OR","result":"NO_CONCERN"}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(check.toString()));
		verify(this.records).recordPdmpCheck(PATIENT,
				new PdmpCheckRequest(LocalDate.of(2026, 12, 1), "OR", "NO_CONCERN", null));
	}

	@Test
	void aSupplysUseIsReportedOnce() throws Exception {
		String report = """
				{"quantityUsed":4,"quantityReturned":2,"reportedOn":"2026-12-03"}""";
		this.mvc
			.perform(post("/api/v1/patients/{id}/take-home-supplies/{supplyId}/report", PATIENT, SUPPLY)
				.contentType(MediaType.APPLICATION_JSON)
				.content(report))
			.andExpect(status().isNoContent());
		verify(this.records).reportTakeHomeUse(PATIENT, SUPPLY,
				new TakeHomeReportRequest(new BigDecimal("4"), new BigDecimal("2"), LocalDate.of(2026, 12, 3)));

		willThrow(new ConflictException("This supply's use was already reported.", "TakeHomeSupply", SUPPLY))
			.given(this.records)
			.reportTakeHomeUse(eq(PATIENT), eq(SUPPLY), any());
		this.mvc
			.perform(post("/api/v1/patients/{id}/take-home-supplies/{supplyId}/report", PATIENT, SUPPLY)
				.contentType(MediaType.APPLICATION_JSON)
				.content(report))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.conflict.resourceType").value("TakeHomeSupply"));
	}

}
