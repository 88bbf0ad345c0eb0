package org.kapclinic.fund;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingSteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Blinded by design (issue 20): after a patient is awarded help from the fund, no
 * clinician's API answer about them carries fund data, and every fund path refuses
 * clinicians (prescriber, nurse, therapist). The text markers are not hexadecimal: a
 * consent's SHA-256 or an id once contained the earlier marker "9c1d" by chance.
 */
class FundBlindingIT extends IntegrationTest {

	@Test
	void noClinicalAnswerCarriesFundDataAndClinicansAreRefusedTheFund() throws Exception {
		String patient = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures()
			.inCourse("KAP", 70, "KAP_IN_SESSION")
			.patientId();
		this.api.post("/api/v1/fund/donations",
				Map.of("donorName", "Quill Pennywhistle (fictional)", "anonymous", true, "amountMinor", 77_700,
						"currency", "USD", "restriction", "UNRESTRICTED", "receivedOn", "2026-11-01", "method", "CASH"),
				tokenFor("billing.bright"));
		Response applied = this.api.post("/api/v1/fund/applications", Map.of("patientId", patient, "householdSize", 1,
				"annualIncomeMinor", 1_000_000, "needStatement", "Distinctive need statement qzwx"),
				tokenFor("fund.finch"));
		Response awarded = this.api.post(
				"/api/v1/fund/applications/" + applied.json().get("id").asString() + "/decision",
				Map.of("decision", "AWARDED", "amountMinor", 12_345, "restriction", "UNRESTRICTED", "reason",
						"Distinctive reason vkjq"),
				tokenFor("fund.finch"));
		assertThat(awarded.status()).as(awarded.body()).isEqualTo(200);

		List<String> paths = patientRoutes(patient);
		assertThat(paths).as("every GET about one patient in the route inventory").hasSizeGreaterThan(20);
		for (String clinician : List.of("dr.quill", "nurse.bell", "therapist.cove")) {
			String token = tokenFor(clinician);
			int answered = 0;
			for (String path : paths) {
				Response answer = this.api.get(path, token);
				answered += (answer.status() == 200) ? 1 : 0;
				assertThat(answer.body()).as(clinician + " " + path)
					.doesNotContainIgnoringCase("fund")
					.doesNotContain("12345", "123.45", "qzwx", "vkjq", "AWARDED");
			}
			if (clinician.equals("dr.quill")) {
				assertThat(answered).as("the prescriber reads the patient's record").isGreaterThan(15);
			}
			for (String path : List.of("/api/v1/fund/balances", "/api/v1/fund/applications",
					"/api/v1/fund/donations")) {
				assertThat(this.api.get(path, token).status()).as(clinician + " " + path).isEqualTo(403);
			}
			assertThat(
					this.api
						.post("/api/v1/fund/applications",
								Map.of("patientId", patient, "householdSize", 1, "annualIncomeMinor", 1,
										"needStatement", "x"),
								token)
						.status())
				.isEqualTo(403);
		}
	}

	/** The inventory's GET routes about one patient, for this patient. */
	private static List<String> patientRoutes(String patient) throws java.io.IOException {
		try (var in = FundBlindingIT.class.getResourceAsStream("/routes.txt")) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
				.filter((line) -> line.startsWith("GET "))
				.map((line) -> line.split("\\s+")[1])
				.filter((path) -> path.startsWith("/api/v1/patients/{id}") && !path.endsWith(".csv")
						&& path.indexOf('{', "/api/v1/patients/{id}".length()) < 0)
				.map((path) -> path.replace("{id}", patient))
				.toList();
		}
	}

}
