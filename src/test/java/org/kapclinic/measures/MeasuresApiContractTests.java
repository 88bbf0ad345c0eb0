package org.kapclinic.measures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.shared.RuleViolationException;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outcome-measures API's request/response contract as a web slice (no database, no
 * security filters; {@code MeasuresIT} scores real administrations). Checked here: a
 * recorded administration answers 201 with its address, total, severity and flags;
 * unanswered items arrive as null (not 0); the request's declared limits (instrument
 * required, at most 100 answers, a list limit of 1–1000, a summary names its instrument)
 * are 400s naming the field, before any scoring; reviewing a closed flag is a 422.
 */
@ApiContractTest(MeasuresApi.class)
class MeasuresApiContractTests {

	private static final UUID PATIENT = UUID.fromString("0190f0e0-0000-7000-8000-00000000b001");

	private static final String MEASUREMENTS = "/api/v1/patients/" + PATIENT + "/measurements";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	InstrumentLibrary library;

	@MockitoBean
	MeasurementService measurements;

	@MockitoBean
	MeasurementSummaries summaries;

	@MockitoBean
	RiskFlags flags;

	@Test
	void aScoredAdministrationAnswers201WithItsScoreAndFlags() throws Exception {
		UUID id = UUID.fromString("0190f0e0-0000-7000-8000-00000000b002");
		List<Integer> answers = Arrays.asList(2, 2, 2, 2, 2, 2, 2, 2, 1, null);
		given(this.measurements.record(eq(PATIENT), any())).willReturn(new Measurement(id, PATIENT, "PHQ-9", "1",
				answers, new BigDecimal("17"), "Moderately severe", Map.of(), List.of("SUICIDE_RISK"), true,
				Instant.parse("2026-12-03T10:00:00Z"), Instant.parse("2026-12-03T10:01:00Z"), null));
		this.mvc.perform(post(MEASUREMENTS).contentType(MediaType.APPLICATION_JSON).content("""
				{"instrument":"PHQ-9","answers":[2,2,2,2,2,2,2,2,1,null],"administeredAt":"2026-12-03T10:00:00Z"}"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", MEASUREMENTS + "/" + id))
			.andExpect(jsonPath("$.total").value(17))
			.andExpect(jsonPath("$.severity").value("Moderately severe"))
			.andExpect(jsonPath("$.flags[0]").value("SUICIDE_RISK"));
		verify(this.measurements).record(PATIENT,
				new MeasurementRequest("PHQ-9", answers, null, null, null, Instant.parse("2026-12-03T10:00:00Z")));
	}

	@Test
	void anAdministrationWithoutItsInstrumentOrWithTooManyAnswersIs400AndScoresNothing() throws Exception {
		this.mvc.perform(post(MEASUREMENTS).contentType(MediaType.APPLICATION_JSON).content("{\"answers\":[1,2,3]}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("instrument"));
		String tooMany = "[" + "0,".repeat(100) + "0]";
		this.mvc
			.perform(post(MEASUREMENTS).contentType(MediaType.APPLICATION_JSON)
				.content("{\"instrument\":\"PHQ-9\",\"answers\":" + tooMany + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("answers"));
		verifyNoInteractions(this.measurements);
	}

	@Test
	void aListLimitOutsideOneToAThousandIs400() throws Exception {
		this.mvc.perform(get(MEASUREMENTS).param("limit", "1001"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
		this.mvc.perform(get(MEASUREMENTS).param("limit", "0")).andExpect(status().isBadRequest());
		this.mvc.perform(get(MEASUREMENTS)).andExpect(status().isOk());
		verify(this.measurements).list(PATIENT, null, 100);
	}

	@Test
	void aSummaryNamesItsInstrument() throws Exception {
		this.mvc.perform(get(MEASUREMENTS + "/summary"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get(MEASUREMENTS + "/summary").param("instrument", " "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("instrument"));
		verifyNoInteractions(this.summaries);
	}

	@Test
	void reviewingAClosedFlagIs422AndAReviewIs201() throws Exception {
		UUID flag = UUID.fromString("0190f0e0-0000-7000-8000-00000000b003");
		given(this.flags.review(flag, "Denies plan or intent", "Safety plan reviewed; crisis line given"))
			.willReturn(new RiskFlagReview(UUID.fromString("0190f0e0-0000-7000-8000-00000000b004"), flag,
					"Denies plan or intent", "Safety plan reviewed; crisis line given",
					Instant.parse("2026-12-03T11:00:00Z"), UUID.fromString("0190f0e0-0000-7000-8000-00000000b005")));
		this.mvc.perform(post("/api/v1/flags/" + flag + "/reviews").contentType(MediaType.APPLICATION_JSON).content("""
				{"assessment":"Denies plan or intent","plan":"Safety plan reviewed; crisis line given"}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.flagId").value(flag.toString()))
			.andExpect(jsonPath("$.reviewedAt").value("2026-12-03T11:00:00Z"));

		UUID closed = UUID.fromString("0190f0e0-0000-7000-8000-00000000b006");
		given(this.flags.review(eq(closed), any(), any()))
			.willThrow(new RuleViolationException("This flag is already closed", List.of("FLAG_CLOSED")));
		this.mvc
			.perform(post("/api/v1/flags/" + closed + "/reviews").contentType(MediaType.APPLICATION_JSON)
				.content("{\"assessment\":\"a\",\"plan\":\"b\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reasons[0]").value("FLAG_CLOSED"));
	}

}
