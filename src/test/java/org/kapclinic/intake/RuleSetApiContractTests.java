package org.kapclinic.intake;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.ApiContractTest;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.StepUpRequiredException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
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
 * The eligibility rule-set API's request/response contract as a web slice (no database,
 * no security filters, no rule parsing; {@code IntakeFlowIT} reads the current set,
 * publishes as a prescriber (403) and as an administrator (400, the version exists), and
 * {@code MfaIT} asks for the second factor). Checked here: the current rule set is the
 * published document exactly; publishing answers 201 with the version and how many rules
 * (a count, not the rules) and records who published it; an existing version is a 400
 * naming {@code version}; a role that may not publish is 403, and without a second factor
 * the 403 says so; a body that is no JSON publishes nothing.
 */
@ApiContractTest(RuleSetApi.class)
class RuleSetApiContractTests {

	private static final String DOCUMENT = """
			{"version":"2099.01-synthetic","published":"2099-01-01",
			"rules":[{"id":"FICTIONAL_CONDITION","kind":"CONDITION","match":"FICTIONAL_CONDITION",
			"severity":"ABSOLUTE","programs":["KAP","IV_INFUSION"],"explanation":"A made-up condition.",
			"source":"synthetic test data","confidence":"VERIFIED"},
			{"id":"FICTIONAL_MEDICATION","kind":"MEDICATION","match":"MADE_UP_MEDICATION","severity":"RELATIVE",
			"programs":["ESKETAMINE"],"explanation":"A made-up medication.","source":"synthetic test data",
			"confidence":"PARTLY"}],
			"thresholds":{"bloodPressure":{"systolicMax":140,"diastolicMax":90},
			"minimumAgeYears":{"KAP":18,"IV_INFUSION":18,"ESKETAMINE":18}}}""";

	private static final String PUBLISHED_BY = "admin.synthetic";

	private final JsonNode document = JsonMapper.builder().build().readTree(DOCUMENT);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	RuleSets ruleSets;

	@Test
	void theCurrentRuleSetIsThePublishedDocumentExactly() throws Exception {
		given(this.ruleSets.currentDocument()).willReturn(this.document);
		this.mvc.perform(get("/api/v1/eligibility/rule-set"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(content().json(DOCUMENT, JsonCompareMode.STRICT));
	}

	@Test
	void publishingAnswers201WithTheVersionAndHowManyRulesAndRecordsWhoPublished() throws Exception {
		given(this.ruleSets.publish(this.document, PUBLISHED_BY)).willReturn(ruleSet());
		publish(DOCUMENT).andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value("2099.01-synthetic"))
			.andExpect(jsonPath("$.rules").value(2))
			.andExpect(jsonPath("$.length()").value(2));
		verify(this.ruleSets).publish(this.document, PUBLISHED_BY);
	}

	@Test
	void anExistingVersionIs400NamingTheVersion() throws Exception {
		given(this.ruleSets.publish(any(), eq(PUBLISHED_BY)))
			.willThrow(InvalidInputException.of("version", "version 2099.01-synthetic exists; publish a new version"));
		publish(DOCUMENT).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("version"))
			.andExpect(
					jsonPath("$.errors[0].message").value("version 2099.01-synthetic exists; publish a new version"));
	}

	@Test
	void aRoleThatMayNotPublishIs403AndAMissingSecondFactorSaysSo() throws Exception {
		given(this.ruleSets.publish(any(), eq(PUBLISHED_BY)))
			.willThrow(new AccessDeniedException("administrators only"));
		publish(DOCUMENT).andExpect(status().isForbidden()).andExpect(jsonPath("$.title").value("Forbidden"));
		given(this.ruleSets.publish(any(), eq(PUBLISHED_BY)))
			.willThrow(new StepUpRequiredException("publish an eligibility rule set"));
		publish(DOCUMENT).andExpect(status().isForbidden()).andExpect(jsonPath("$.stepUpRequired").value(true));
	}

	@Test
	void aBodyThatIsNoJsonPublishesNothing() throws Exception {
		publish("version=2099.01-synthetic").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Unreadable request"));
		publish("{\"version\":\"2099.01-synthetic\",\"rules\":[").andExpect(status().isBadRequest());
		verifyNoInteractions(this.ruleSets);
	}

	private ResultActions publish(String body) throws Exception {
		return this.mvc.perform(post("/api/v1/eligibility/rule-sets").contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.principal(new UsernamePasswordAuthenticationToken(PUBLISHED_BY, null)));
	}

	private static RuleSet ruleSet() {
		return new RuleSet("2099.01-synthetic",
				List.of(new RuleSet.Rule("FICTIONAL_CONDITION", RuleSet.Kind.CONDITION, "FICTIONAL_CONDITION",
						Severity.ABSOLUTE, Set.of(Program.KAP, Program.IV_INFUSION), "A made-up condition.",
						"synthetic test data", "VERIFIED"),
						new RuleSet.Rule("FICTIONAL_MEDICATION", RuleSet.Kind.MEDICATION, "MADE_UP_MEDICATION",
								Severity.RELATIVE, Set.of(Program.ESKETAMINE), "A made-up medication.",
								"synthetic test data", "PARTLY")),
				new RuleSet.BloodPressureLimits(140, 90, null, null),
				Map.of(Program.KAP, 18, Program.IV_INFUSION, 18, Program.ESKETAMINE, 18));
	}

}
