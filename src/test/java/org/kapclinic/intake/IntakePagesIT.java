package org.kapclinic.intake;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.kapclinic.BrowserSession;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A prescriber takes a patient from intake to "ready for a first dose" on the pages
 * alone.
 */
class IntakePagesIT extends IntegrationTest {

	private String patientId;

	private String eligibility;

	@BeforeEach
	void patient() {
		this.patientId = this.api
			.post("/api/v1/patients",
					Map.of("givenName", "Page", "familyName", "Gatefield", "birthDate", "1975-07-07",
							"confirmDuplicate", true),
					tokenFor("dr.quill"))
			.json()
			.get("id")
			.asString();
		this.eligibility = "/patients/" + this.patientId + "/eligibility";
	}

	@Test
	void fromIntakeToReadyForAFirstDose() {
		BrowserSession prescriber = BrowserSession.signIn(this.port, "dr.quill", PASSWORD);
		HttpResponse<String> empty = prescriber.get(this.eligibility);
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(empty.body()).contains("Intake not submitted").doesNotContain("Ready for a first dose");

		String intakePage = "/patients/" + this.patientId + "/intake";
		HttpResponse<String> saved = prescriber.post(intakePage, intakePage,
				Map.of("diagnoses", "F33.2", "conditions", "HYPERTHYROIDISM", "vitals.systolic", "122",
						"vitals.diastolic", "78", "vitals.heartRate", "68", "submit", "true"));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);

		assertThat(
				prescriber.post(this.eligibility, "/patients/" + this.patientId + "/screenings", Map.of()).statusCode())
			.isEqualTo(302);
		assertThat(prescriber.get(this.eligibility).body()).contains("HYPERTHYROIDISM", "Relative");
		String screeningId = this.jdbc.sql("select id::text from intake.screening where patient_id = ?::uuid")
			.param(this.patientId)
			.query(String.class)
			.single();

		assertThat(prescriber.post(this.eligibility, "/patients/" + this.patientId + "/decisions",
				Map.of("screeningId", screeningId, "program", "KAP", "decision", "ELIGIBLE_WITH_PRECAUTIONS",
						"mitigations[HYPERTHYROIDISM]", "TSH checked; endocrinology agrees"))
			.statusCode()).isEqualTo(302);
		int version = this.jdbc.sql("select max(version) from intake.consent_document where code = 'KAP_TREATMENT'")
			.query(Integer.class)
			.single();
		assertThat(prescriber
			.post(this.eligibility, "/patients/" + this.patientId + "/consents",
					Map.of("document", "KAP_TREATMENT", "version", String.valueOf(version), "signerName",
							"Page Gatefield", "signerRole", "PATIENT"))
			.statusCode()).isEqualTo(302);
		String title = this.jdbc
			.sql("select title from intake.consent_document where code = 'KAP_TREATMENT' and version = ?")
			.param(version)
			.query(String.class)
			.single();

		assertThat(prescriber.get(this.eligibility).body()).contains("Ready for a first dose")
			.as("the signature is confirmed by the document's title, not its code")
			.contains("Signed " + org.springframework.web.util.HtmlUtils.htmlEscape(title) + " (version " + version
					+ ") by Page Gatefield.")
			.doesNotContain("Signed KAP_TREATMENT");
	}

	@Test
	void aDecisionThatContradictsTheFindingsIsRefusedOnThePageToo() {
		BrowserSession prescriber = BrowserSession.signIn(this.port, "dr.quill", PASSWORD);
		String intakePage = "/patients/" + this.patientId + "/intake";
		prescriber.post(intakePage, intakePage, Map.of("conditions", "ANEURYSM_OR_AVM", "vitals.systolic", "122",
				"vitals.diastolic", "78", "vitals.heartRate", "68", "submit", "true"));
		prescriber.post(this.eligibility, "/patients/" + this.patientId + "/screenings", Map.of());
		String screeningId = this.jdbc.sql("select id::text from intake.screening where patient_id = ?::uuid")
			.param(this.patientId)
			.query(String.class)
			.single();

		prescriber.post(this.eligibility, "/patients/" + this.patientId + "/decisions",
				Map.of("screeningId", screeningId, "program", "KAP", "decision", "ELIGIBLE"));

		assertThat(this.jdbc.sql("select count(*) from intake.eligibility_decision where patient_id = ?::uuid")
			.param(this.patientId)
			.query(Long.class)
			.single()).isZero();
		assertThat(prescriber.get(this.eligibility).body()).contains("ANEURYSM_OR_AVM");
	}

	@Test
	@DisplayName("The intake form offers the issue-13 conditions and drug classes in words, and STIMULANT only where an intake already has it")
	void theFormNamesTheNewCodesInWords() {
		BrowserSession prescriber = BrowserSession.signIn(this.port, "dr.quill", PASSWORD);
		String intakePage = "/patients/" + this.patientId + "/intake";
		String blank = prescriber.get(intakePage).body();
		assertThat(blank)
			.contains("Hypertension, uncontrolled", "Hypertension, controlled",
					"History of hypertensive encephalopathy", "Acute suicidality needing a higher level of care",
					"Non-benzodiazepine hypnotic", "Other CNS depressant", "Psychostimulant (e.g.")
			.contains("value=\"UNCONTROLLED_HYPERTENSION\"", "value=\"PSYCHOSTIMULANT\"")
			.doesNotContain(">UNCONTROLLED_HYPERTENSION<", ">OTHER_CNS_DEPRESSANT<", "value=\"STIMULANT\"");

		this.api.put("/api/v1/patients/" + this.patientId + "/intake",
				Map.of("medications", List.of(Map.of("name", "dexamfetamine", "drugClass", "STIMULANT"))),
				tokenFor("dr.quill"));
		String stored = prescriber.get(intakePage).body();
		assertThat(stored).contains("Stimulant (older entry").containsOnlyOnce("value=\"STIMULANT\"");
	}

	@Test
	void theEligibilityPageFollowsTheCareTeamRule() {
		assertThat(BrowserSession.signIn(this.port, "nurse.fern", PASSWORD).get(this.eligibility).statusCode())
			.isEqualTo(404);
		assertThat(BrowserSession.signIn(this.port, "desk.dale", PASSWORD).get(this.eligibility).statusCode())
			.isEqualTo(403);
	}

}
