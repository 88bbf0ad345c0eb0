package org.kapclinic.notes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
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
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The disclosures API's request/response contract as a web slice (no database, no
 * security filters, no PDF rendering; {@code DisclosuresIT} adds a provider, is refused
 * without a release, discloses under one and reads the PDF back with roles). Checked
 * here: an outside provider answers 201 with its address and fields, one over the
 * declared limits is a 400 naming each field and a role that may not add one is 403; a
 * disclosure answers 201 at its PDF with what was sent, to whom and under which consent,
 * is 422 NO_COVERING_RELEASE without a release, and too much content or too long themes
 * are 400s before anything is disclosed; the accounting lists each disclosure; the PDF is
 * the exact bytes, never cached, an attachment; an unknown one is 404.
 */
@ApiContractTest(DisclosuresApi.class)
class DisclosuresApiContractTests {

	private static final UUID PATIENT = UUID.fromString("0190f0e0-0000-7000-8000-00000000d101");

	private static final UUID PROVIDER = UUID.fromString("0190f0e0-0000-7000-8000-00000000d102");

	private static final UUID DISCLOSURE = UUID.fromString("0190f0e0-0000-7000-8000-00000000d103");

	private static final UUID CONSENT = UUID.fromString("0190f0e0-0000-7000-8000-00000000d104");

	private static final UUID THERAPIST = UUID.fromString("0190f0e0-0000-7000-8000-00000000d105");

	private static final String PDF = "/api/v1/disclosures/" + DISCLOSURE + "/pdf";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OutsideProviders providers;

	@MockitoBean
	Disclosures disclosures;

	@Test
	void anOutsideProviderAnswers201WithItsAddressAndFields() throws Exception {
		given(this.providers.add("Dr. Ima Fictional", "PhD, LMFT", "Make-Believe Counseling",
				"ima@direct.example.test"))
			.willReturn(provider());
		this.mvc.perform(post("/api/v1/outside-providers").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"Dr. Ima Fictional","credentials":"PhD, LMFT","practice":"Make-Believe Counseling",
				"secureContact":"ima@direct.example.test"}"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/outside-providers/" + PROVIDER))
			.andExpect(jsonPath("$.id").value(PROVIDER.toString()))
			.andExpect(jsonPath("$.name").value("Dr. Ima Fictional"))
			.andExpect(jsonPath("$.credentials").value("PhD, LMFT"))
			.andExpect(jsonPath("$.practice").value("Make-Believe Counseling"))
			.andExpect(jsonPath("$.secureContact").value("ima@direct.example.test"))
			.andExpect(jsonPath("$.createdAt").value("2026-12-01T09:00:00Z"));
		given(this.providers.list()).willReturn(List.of(provider()));
		this.mvc.perform(get("/api/v1/outside-providers"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].secureContact").value("ima@direct.example.test"));
	}

	@Test
	void aProviderOverTheDeclaredLimitsIs400NamingEachFieldAndAddsNoOne() throws Exception {
		this.mvc
			.perform(post("/api/v1/outside-providers").contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + "N".repeat(201) + "\",\"secureContact\":\"" + "c".repeat(301) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("name", "secureContact")));
		verifyNoInteractions(this.providers);
	}

	@Test
	void aRoleThatMayNotAddProvidersIs403() throws Exception {
		given(this.providers.add(any(), any(), any(), any()))
			.willThrow(new AccessDeniedException("Clinicians and administrators add outside providers"));
		this.mvc.perform(post("/api/v1/outside-providers").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"Dr. Ima Fictional","secureContact":"ima@direct.example.test"}"""))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("Forbidden"));
	}

	@Test
	void aDisclosureAnswers201AtItsPdfWithWhatWasSentToWhomUnderWhichConsent() throws Exception {
		List<String> content = List.of("OUTCOMES", "INTEGRATION_THEMES");
		given(this.disclosures.disclose(PATIENT, PROVIDER, content, "Reconnecting with nature"))
			.willReturn(disclosure("Therapist Cove (synthetic)"));
		disclose("""
				{"providerId":"%s","content":["OUTCOMES","INTEGRATION_THEMES"],"themes":"Reconnecting with nature"}"""
			.formatted(PROVIDER)).andExpect(status().isCreated())
			.andExpect(header().string("Location", PDF))
			.andExpect(jsonPath("$.id").value(DISCLOSURE.toString()))
			.andExpect(jsonPath("$.patientId").value(PATIENT.toString()))
			.andExpect(jsonPath("$.providerId").value(PROVIDER.toString()))
			.andExpect(jsonPath("$.providerName").value("Dr. Ima Fictional"))
			.andExpect(jsonPath("$.content[1]").value("INTEGRATION_THEMES"))
			.andExpect(jsonPath("$.consentId").value(CONSENT.toString()))
			.andExpect(jsonPath("$.disclosedAt").value("2026-12-02T15:00:00Z"))
			.andExpect(jsonPath("$.disclosedBy").value(THERAPIST.toString()))
			.andExpect(jsonPath("$.disclosedByName").value("Therapist Cove (synthetic)"))
			.andExpect(jsonPath("$.pdfSha256").value("0f".repeat(32)))
			.andExpect(jsonPath("$.pdf").value(PDF));
	}

	@Test
	void withoutACoveringReleaseADisclosureIs422WithTheReason() throws Exception {
		given(this.disclosures.disclose(PATIENT, PROVIDER, List.of("DOSES"), null))
			.willThrow(new RuleViolationException(
					"The patient has no active release of information covering Dr. Ima Fictional and [DOSES].",
					List.of("NO_COVERING_RELEASE")));
		disclose("""
				{"providerId":"%s","content":["DOSES"]}""".formatted(PROVIDER))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.reasons[0]").value("NO_COVERING_RELEASE"));
	}

	@Test
	void tooMuchContentTooLongThemesOrAProviderThatIsNoIdDiscloseNothing() throws Exception {
		disclose("{\"providerId\":\"" + PROVIDER + "\",\"content\":[" + "\"DOSES\",".repeat(10) + "\"OUTCOMES\"],"
				+ "\"themes\":\"" + "t".repeat(4001) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("content", "themes")));
		disclose("""
				{"providerId":"dr-ima","content":["DOSES"]}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Unreadable request"));
		verifyNoInteractions(this.disclosures);
	}

	@Test
	void theAccountingListsEachDisclosureAndABadPatientIdReachesNoService() throws Exception {
		this.mvc.perform(get("/api/v1/patients/{id}/disclosures", "not-a-patient")).andExpect(status().isBadRequest());
		verifyNoInteractions(this.disclosures);
		given(this.disclosures.accounting(PATIENT)).willReturn(List.of(disclosure(null)));
		this.mvc.perform(get("/api/v1/patients/{id}/disclosures", PATIENT))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].providerName").value("Dr. Ima Fictional"))
			.andExpect(jsonPath("$[0].content[0]").value("OUTCOMES"))
			.andExpect(jsonPath("$[0].consentId").value(CONSENT.toString()))
			.andExpect(jsonPath("$[0].disclosedAt").value("2026-12-02T15:00:00Z"))
			.andExpect(jsonPath("$[0].pdf").value(PDF));
	}

	@Test
	void thePdfIsTheExactBytesNeverCachedAnAttachmentAndAnUnknownOneIs404() throws Exception {
		byte[] pdf = "%PDF-1.7 synthetic".getBytes(StandardCharsets.US_ASCII);
		given(this.disclosures.pdf(DISCLOSURE)).willReturn(pdf);
		this.mvc.perform(get(PDF))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"disclosure-" + DISCLOSURE + ".pdf\""))
			.andExpect(content().bytes(pdf));
		UUID unknown = UUID.fromString("0190f0e0-0000-7000-8000-00000000d1ff");
		given(this.disclosures.pdf(unknown)).willThrow(new NotFoundException(Disclosures.RESOURCE, unknown));
		this.mvc.perform(get("/api/v1/disclosures/{id}/pdf", unknown))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	private ResultActions disclose(String body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/patients/{id}/disclosures", PATIENT).contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}

	private static OutsideProvider provider() {
		return new OutsideProvider(PROVIDER, "Dr. Ima Fictional", "PhD, LMFT", "Make-Believe Counseling",
				"ima@direct.example.test", Instant.parse("2026-12-01T09:00:00Z"));
	}

	private static Disclosure disclosure(String disclosedByName) {
		return new Disclosure(DISCLOSURE, PATIENT, PROVIDER, "Dr. Ima Fictional",
				List.of("OUTCOMES", "INTEGRATION_THEMES"), CONSENT, Instant.parse("2026-12-02T15:00:00Z"), THERAPIST,
				disclosedByName, "0f".repeat(32), PDF);
	}

}
