package org.kapclinic.intake;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate to a first dose over the API: intake, screening, decision, consent,
 * eligibility.
 */
class IntakeFlowIT extends IntegrationTest {

	@Autowired
	private RuleSets ruleSets;

	@Autowired
	private JsonMapper json;

	private String prescriber;

	private String patient;

	@BeforeEach
	void adultOnNurseBellsTeam() {
		this.prescriber = tokenFor("dr.quill");
		this.patient = newPatient("1979-05-05", List.of());
		this.api.put("/api/v1/patients/" + this.patient + "/care-team",
				Map.of("members", List.of(userId("nurse.bell"))), this.prescriber);
	}

	@Test
	void unknownCodesAreFieldErrorsAndSubmittingNeedsVitals() {
		Map<String, Object> body = intake(List.of("PREGNANT", "UNICORN"),
				List.of(Map.of("name", "x", "drugClass", "MAGIC")), null);
		body.put("diagnoses", List.of("Z99.999"));
		Response bad = this.api.put(path("/intake"), body, this.prescriber);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("conditions[1]", "medications[0].drugClass", "diagnoses[0]");

		Response noVitals = this.api.put(path("/intake"), submit(intake(List.of(), List.of(), null)), this.prescriber);
		assertThat(noVitals.status()).isEqualTo(400);
		assertThat(noVitals.body()).contains("\"field\":\"vitals\"");

		Response unclassified = this.api.put(path("/intake"),
				submit(intake(List.of(), List.of(Map.of("name", "Sertraline", "drugClass", "UNCLASSIFIED")),
						Map.of("systolic", 120, "diastolic", 78, "heartRate", 70))),
				this.prescriber);
		assertThat(unclassified.status()).as("a medicine the patient listed by name is classified before screening")
			.isEqualTo(400);
		assertThat(unclassified.body()).contains("medications[0].drugClass", "choose the class of Sertraline");

		Response draft = this.api.put(path("/intake"), intake(List.of(), List.of(), null), this.prescriber);
		assertThat(draft.status()).isEqualTo(200);
		assertThat(draft.json().get("status").asString()).isEqualTo("DRAFT");
		assertThat(this.api.post(path("/screenings"), Map.of(), this.prescriber).status())
			.as("draft cannot be screened")
			.isEqualTo(422);
	}

	@Test
	void anAbsoluteFindingMakesEligibleImpossible() {
		submitIntake(List.of("ANEURYSM_OR_AVM"), List.of());
		JsonNode screening = screen();
		assertThat(screening.get("ruleSetVersion").asString()).isNotBlank();
		assertThat(screening.get("findings").get(0).get("condition").asString()).isEqualTo("ANEURYSM_OR_AVM");
		assertThat(screening.get("findings").get(0).get("severity").asString()).isEqualTo("ABSOLUTE");

		Response eligible = decide(screening, "KAP", "ELIGIBLE", Map.of());
		assertThat(eligible.status()).isEqualTo(422);
		assertThat(eligible.body()).contains("ANEURYSM_OR_AVM");
		assertThat(decide(screening, "KAP", "NOT_ELIGIBLE", Map.of()).status()).isEqualTo(201);

		JsonNode status = eligibility("KAP");
		assertThat(status.get("status").asString()).isEqualTo("NOT_ELIGIBLE");
		assertThat(status.get("missing").toString()).contains("ELIGIBILITY", "CONSENT");
	}

	@Test
	void relativeFindingsNeedMitigationsThenConsentOpensTheGate() {
		submitIntake(List.of(), List.of(Map.of("name", "lorazepam", "drugClass", "BENZODIAZEPINE")));
		JsonNode screening = screen();
		String rule = screening.get("findings").get(0).get("rule").asString();

		assertThat(decide(screening, "KAP", "ELIGIBLE_WITH_PRECAUTIONS", Map.of()).status()).isEqualTo(422);
		assertThat(decide(screening, "KAP", "ELIGIBLE", Map.of()).status()).isEqualTo(422);
		assertThat(decide(screening, "KAP", "ELIGIBLE_WITH_PRECAUTIONS",
				Map.of(rule, "hold the evening dose before sessions"))
			.status()).isEqualTo(201);

		JsonNode before = eligibility("KAP");
		assertThat(before.get("status").asString()).isEqualTo("ELIGIBLE_WITH_PRECAUTIONS");
		assertThat(before.get("consented").asBoolean()).isFalse();
		assertThat(before.get("missing").toString()).isEqualTo("[\"CONSENT\"]");

		assertThat(sign("KAP_TREATMENT", "Juniper Gatewick", "PATIENT").status()).isEqualTo(201);
		JsonNode after = eligibility("KAP");
		assertThat(after.get("consented").asBoolean()).isTrue();
		assertThat(after.get("missing")).isEmpty();
		assertThat(eligibility("ESKETAMINE").get("status").asString()).as("decisions are per program")
			.isEqualTo("NOT_SCREENED");
	}

	@Test
	void changedIntakeInvalidatesTheDecisionAndExpiryEndsIt() {
		submitIntake(List.of(), List.of());
		JsonNode screening = screen();
		assertThat(decide(screening, "IV_INFUSION", "ELIGIBLE", Map.of()).status()).isEqualTo(201);
		assertThat(eligibility("IV_INFUSION").get("status").asString()).isEqualTo("ELIGIBLE");

		this.jdbc.sql(
				"update intake.eligibility_decision set expires_at = now() - interval '1 day' where patient_id = ?::uuid")
			.param(this.patient)
			.update();
		assertThat(eligibility("IV_INFUSION").get("status").asString()).isEqualTo("EXPIRED");

		JsonNode fresh = screen();
		assertThat(decide(fresh, "IV_INFUSION", "ELIGIBLE", Map.of()).status()).isEqualTo(201);
		submitIntake(List.of("HYPERTHYROIDISM"), List.of());
		JsonNode status = eligibility("IV_INFUSION");
		assertThat(status.get("status").asString()).isEqualTo("EXPIRED");
		assertThat(status.get("missing").toString()).contains("SCREENING_DECISION");
		assertThat(decide(fresh, "IV_INFUSION", "ELIGIBLE", Map.of()).body()).as("screening of an older intake")
			.contains("INTAKE_CHANGED");
	}

	@Test
	void onlyPrescribersDecide() {
		submitIntake(List.of(), List.of());
		JsonNode screening = screen();

		for (String user : List.of("nurse.bell", "admin")) {
			Response response = this.api.post("/api/v1/screenings/" + screening.get("id").asString() + "/decision",
					Map.of("program", "KAP", "decision", "ELIGIBLE"), tokenFor(user));
			assertThat(response.status()).as(user).isEqualTo(403);
		}
		assertThat(this.api.post(path("/screenings"), Map.of(), tokenFor("desk.dale")).status()).isEqualTo(403);
		assertThat(this.api.get(path("/eligibility?program=KAP"), tokenFor("nurse.fern")).status()).isEqualTo(404);
	}

	@Test
	void aMinorNeedsGuardianConsentAndTheirOwnAssent() {
		String guardian = "Rowan Gatewick";
		this.patient = newPatient(LocalDate.now().minusYears(16).toString(),
				List.of(Map.of("name", guardian, "relationship", "Parent", "phone", "555-0111")));

		assertThat(sign("KAP_TREATMENT", "Teen Gatewick", "PATIENT").status()).as("a minor cannot consent alone")
			.isEqualTo(422);
		assertThat(sign("KAP_TREATMENT", "Someone Else", "GUARDIAN").status()).as("guardian not on file")
			.isEqualTo(400);
		assertThat(sign("KAP_TREATMENT", guardian, "GUARDIAN").status()).isEqualTo(201);
		JsonNode withoutAssent = eligibility("KAP");
		assertThat(withoutAssent.get("consented").asBoolean()).isFalse();
		assertThat(withoutAssent.get("missing").toString()).contains("ASSENT").doesNotContain("GUARDIAN_CONSENT");

		assertThat(sign("ASSENT_MINOR", "Teen Gatewick", "PATIENT").status()).isEqualTo(201);
		assertThat(eligibility("KAP").get("consented").asBoolean()).isTrue();
	}

	@Test
	void withdrawalIsRecordedAndEndsConsent() {
		String id = sign("KAP_TREATMENT", "Juniper Gatewick", "PATIENT").json().get("id").asString();

		Response withdrawn = this.api.post("/api/v1/consents/" + id + "/withdraw",
				Map.of("reason", "patient changed their mind"), this.prescriber);
		assertThat(withdrawn.status()).isEqualTo(200);
		assertThat(withdrawn.json().get("withdrawnAt").isNull()).isFalse();
		assertThat(eligibility("KAP").get("consented").asBoolean()).isFalse();
		assertThat(this.api.post("/api/v1/consents/" + id + "/withdraw", Map.of("reason", "again"), this.prescriber)
			.status()).isEqualTo(422);
		assertThat(this.api.get(path("/consents"), this.prescriber).body()).contains(id, "patient changed their mind");
	}

	@Test
	void aNewConsentTextKeepsOldSignaturesOnTheTextTheySigned() {
		JsonNode signed = sign("TELEHEALTH", "Juniper Gatewick", "PATIENT").json();
		int version = signed.get("version").asInt();
		String hash = signed.get("documentSha256").asString();

		Response published = this.api.post("/api/v1/consent-documents/TELEHEALTH",
				Map.of("body", "# Telehealth consent\n\nRevised text " + UUID.randomUUID()), tokenFor("admin"));
		assertThat(published.status()).isEqualTo(201);
		assertThat(this.api.post("/api/v1/consent-documents/TELEHEALTH", Map.of("body", "# Sneaky"), this.prescriber)
			.status()).isEqualTo(403);

		JsonNode stored = this.api.get(path("/consents"), this.prescriber).json().get(0);
		assertThat(stored.get("version").asInt()).isEqualTo(version);
		assertThat(stored.get("documentSha256").asString()).isEqualTo(hash);
		String originalBody = this.jdbc
			.sql("select body from intake.consent_document where code = 'TELEHEALTH' and version = ?")
			.param(version)
			.query(String.class)
			.single();
		assertThat(ConsentDocuments.sha256(originalBody)).isEqualTo(hash);
		assertThat(
				this.api.post(path("/consents"),
						Map.of("document", "TELEHEALTH", "version", version, "signerName", "Juniper Gatewick",
								"signerRole", "PATIENT"),
						this.prescriber)
					.status())
			.as("the old text is no longer offered")
			.isEqualTo(400);
	}

	@Test
	void aReleaseOfInformationNamesRecipientScopeAndExpiry() {
		Response incomplete = sign("RELEASE_OF_INFORMATION", "Juniper Gatewick", "PATIENT");
		assertThat(incomplete.status()).isEqualTo(400);
		assertThat(incomplete.body()).contains("details.recipientName", "details.scope", "details.expiresOn");
	}

	@Test
	void publishingARuleSetIsForAdminsAndScreeningsNameTheirVersion() {
		JsonNode current = this.api.get("/api/v1/eligibility/rule-set", this.prescriber).json();
		assertThat(this.api.post("/api/v1/eligibility/rule-sets", current, this.prescriber).status()).isEqualTo(403);
		assertThat(this.api.post("/api/v1/eligibility/rule-sets", current, tokenFor("admin")).status())
			.as("a version is never overwritten")
			.isEqualTo(400);
		submitIntake(List.of(), List.of());
		assertThat(screen().get("ruleSetVersion").asString()).isEqualTo(current.get("version").asString());
	}

	@Test
	@DisplayName("Issue 13: migration 40 makes 2026.12-1 current, and a screening stored under 2026.11-1 still reports 2026.11-1 and is decided on its own findings")
	void aScreeningKeepsTheRuleSetVersionItWasMadeUnder() {
		assertThat(this.api.get("/api/v1/eligibility/rule-set", this.prescriber).json().get("version").asString())
			.isEqualTo("2026.12-1");
		assertThat(this.jdbc.sql("""
				select version from intake.rule_set where version in ('2026.11-1', '2026.12-1')
				order by published_at""").query(String.class).list()).containsExactly("2026.11-1", "2026.12-1");

		submitIntake(List.of("HYPERTENSION"), List.of());
		UUID patientId = UUID.fromString(this.patient);
		int revision = this.jdbc.sql("select revision from intake.intake where patient_id = ?")
			.param(patientId)
			.query(Integer.class)
			.single();
		RuleSet old = this.ruleSets.byVersion("2026.11-1");
		List<Finding> oldFindings = ScreeningEngine.evaluate(old,
				ScreeningEngineTests.answers(List.of("F33.2"), List.of("HYPERTENSION"), List.of(), null), 47);
		UUID oldScreening = UUID.randomUUID();
		// Stored as ScreeningService stored it the day before migration 40 ran.
		this.jdbc.sql("""
				insert into intake.screening (id, patient_id, rule_set_version, intake_revision, findings, evaluated_at)
				values (?, ?, '2026.11-1', ?, ?::jsonb, now() - interval '1 day')""")
			.params(oldScreening, patientId, revision, this.json.writeValueAsString(oldFindings))
			.update();

		assertThat(screen().get("ruleSetVersion").asString()).isEqualTo("2026.12-1");
		JsonNode stored = null;
		for (JsonNode screening : this.api.get(path("/screenings"), this.prescriber).json()) {
			if (screening.get("id").asString().equals(oldScreening.toString())) {
				stored = screening;
			}
		}
		assertThat(stored).isNotNull();
		assertThat(stored.get("ruleSetVersion").asString()).isEqualTo("2026.11-1");
		assertThat(stored.get("findings").toString()).contains("HYPERTENSION").doesNotContain("UNCONTROLLED");
		assertThat(
				decide(stored, "KAP", "ELIGIBLE_WITH_PRECAUTIONS", Map.of("HYPERTENSION", "controlled on amlodipine"))
					.status())
			.isEqualTo(201);
		assertThat(old.rules()).hasSize(43).noneMatch((rule) -> rule.match().equals("UNCONTROLLED_HYPERTENSION"));
	}

	@Test
	@DisplayName("Ketalar §4 over the API: uncontrolled hypertension rules out KAP and IV racemic ketamine; esketamine may go ahead with a written mitigation")
	void uncontrolledHypertensionRulesOutRacemicKetamineOnly() {
		submitIntake(List.of("UNCONTROLLED_HYPERTENSION"), List.of());
		JsonNode screening = screen();
		assertThat(screening.get("ruleSetVersion").asString()).isEqualTo("2026.12-1");

		Response kap = decide(screening, "KAP", "ELIGIBLE_WITH_PRECAUTIONS",
				Map.of("UNCONTROLLED_HYPERTENSION_RACEMIC", "will recheck"));
		assertThat(kap.status()).isEqualTo(422);
		assertThat(kap.body()).contains("UNCONTROLLED_HYPERTENSION_RACEMIC");
		assertThat(decide(screening, "IV_INFUSION", "NOT_ELIGIBLE", Map.of()).status()).isEqualTo(201);
		assertThat(decide(screening, "ESKETAMINE", "ELIGIBLE", Map.of()).status()).isEqualTo(422);
		assertThat(decide(screening, "ESKETAMINE", "ELIGIBLE_WITH_PRECAUTIONS",
				Map.of("UNCONTROLLED_HYPERTENSION_ESKETAMINE", "cardiology review; BP before and 40 min after"))
			.status()).isEqualTo(201);
	}

	@Test
	@DisplayName("Ketalar §4 over the API: a baseline of 180/110 is an absolute finding for IV racemic ketamine, 179/109 is not")
	void aBaselineAtThePreDoseCeilingRulesOutRacemicKetamine() {
		submitIntake(List.of(), List.of(), Map.of("systolic", 180, "diastolic", 110, "heartRate", 72));
		JsonNode atCeiling = screen();
		assertThat(atCeiling.get("findings").toString()).contains("BLOOD_PRESSURE_AT_OR_ABOVE_CEILING_RACEMIC",
				"at or above the ceiling 180/110");
		assertThat(decide(atCeiling, "IV_INFUSION", "ELIGIBLE_WITH_PRECAUTIONS",
				Map.of("BLOOD_PRESSURE_AT_OR_ABOVE_CEILING_RACEMIC", "x", "BLOOD_PRESSURE_ABOVE_LIMIT", "x"))
			.status()).isEqualTo(422);

		submitIntake(List.of(), List.of(), Map.of("systolic", 179, "diastolic", 109, "heartRate", 72));
		JsonNode below = screen();
		assertThat(below.get("findings").toString()).doesNotContain("CEILING").contains("BLOOD_PRESSURE_ABOVE_LIMIT");
		assertThat(decide(below, "IV_INFUSION", "ELIGIBLE_WITH_PRECAUTIONS",
				Map.of("BLOOD_PRESSURE_ABOVE_LIMIT", "re-measured after rest"))
			.status()).isEqualTo(201);
	}

	@Test
	@DisplayName("The intake API takes the issue-13 codes and refuses a misspelt one by field, saving nothing")
	void newCodesAreAcceptedAndMisspeltOnesRefusedWhole() {
		List<String> conditions = List.of("UNCONTROLLED_HYPERTENSION", "HYPERTENSIVE_ENCEPHALOPATHY_HISTORY",
				"ACUTE_SUICIDALITY_NEEDS_HIGHER_CARE");
		List<Map<String, String>> medications = List.of(
				Map.of("name", "zolpidem", "drugClass", "NON_BENZODIAZEPINE_HYPNOTIC"),
				Map.of("name", "pregabalin", "drugClass", "OTHER_CNS_DEPRESSANT"),
				Map.of("name", "methylphenidate", "drugClass", "PSYCHOSTIMULANT"));
		Response saved = this.api.put(path("/intake"), intake(conditions, medications, null), this.prescriber);
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		int revision = saved.json().get("revision").asInt();

		Response misspelt = this.api.put(path("/intake"),
				intake(List.of("UNCONTROLLED_HYPERTENSON"),
						List.of(Map.of("name", "dexamfetamine", "drugClass", "PSYCHO_STIMULANT")), null),
				this.prescriber);
		assertThat(misspelt.status()).isEqualTo(400);
		assertThat(misspelt.body()).contains("\"field\":\"conditions[0]\"", "\"field\":\"medications[0].drugClass\"");

		JsonNode current = this.api.get(path("/intake"), this.prescriber).json();
		assertThat(current.get("revision").asInt()).isEqualTo(revision);
		assertThat(current.get("answers").get("conditions").toString()).contains("ACUTE_SUICIDALITY_NEEDS_HIGHER_CARE");
		assertThat(current.get("answers").get("medications").toString()).contains("zolpidem")
			.doesNotContain("dexamfetamine");
	}

	private JsonNode screen() {
		Response response = this.api.post(path("/screenings"), Map.of(), this.prescriber);
		assertThat(response.status()).isEqualTo(201);
		return response.json();
	}

	private Response decide(JsonNode screening, String program, String decision, Map<String, String> mitigations) {
		return this.api.post("/api/v1/screenings/" + screening.get("id").asString() + "/decision",
				Map.of("program", program, "decision", decision, "mitigations", mitigations), this.prescriber);
	}

	private JsonNode eligibility(String program) {
		Response response = this.api.get(path("/eligibility?program=" + program), this.prescriber);
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	private Response sign(String document, String signer, String role) {
		int version = this.jdbc.sql("select max(version) from intake.consent_document where code = ?")
			.param(document)
			.query(Integer.class)
			.single();
		return this.api.post(path("/consents"),
				Map.of("document", document, "version", version, "signerName", signer, "signerRole", role),
				this.prescriber);
	}

	private void submitIntake(List<String> conditions, List<Map<String, String>> medications) {
		submitIntake(conditions, medications, Map.of("systolic", 124, "diastolic", 80, "heartRate", 72));
	}

	private void submitIntake(List<String> conditions, List<Map<String, String>> medications,
			Map<String, Integer> vitals) {
		Response response = this.api.put(path("/intake"), submit(intake(conditions, medications, vitals)),
				this.prescriber);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	private static Map<String, Object> intake(List<String> conditions, List<Map<String, String>> medications,
			Map<String, Integer> vitals) {
		Map<String, Object> body = new HashMap<>();
		body.put("diagnoses", List.of("F33.2"));
		body.put("conditions", conditions);
		body.put("medications", medications);
		body.put("antidepressantTrials", List.of());
		if (vitals != null) {
			body.put("vitals", vitals);
		}
		return body;
	}

	private static Map<String, Object> submit(Map<String, Object> body) {
		body.put("submit", true);
		return body;
	}

	private String newPatient(String birthDate, List<Map<String, String>> guardians) {
		Response created = this.api.post("/api/v1/patients", Map.of("givenName", "Juniper", "familyName", "Gatewick",
				"birthDate", birthDate, "guardians", guardians, "confirmDuplicate", true), this.prescriber);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private String path(String suffix) {
		return "/api/v1/patients/" + this.patient + suffix;
	}

}
