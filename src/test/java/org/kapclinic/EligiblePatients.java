package org.kapclinic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.kapclinic.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Makes a registered test patient ready for a first dose of a program through the real
 * API: a submitted intake, a screening with an ELIGIBLE decision, and the program's
 * consent signed by the patient.
 */
public final class EligiblePatients {

	private EligiblePatients() {
	}

	public static void make(ApiClient api, JdbcClient jdbc, String prescriberToken, String patientId, String program) {
		String path = "/api/v1/patients/" + patientId;
		Map<String, Object> intake = new HashMap<>();
		intake.put("diagnoses", List.of("F33.2"));
		intake.put("conditions", List.of());
		intake.put("medications", List.of());
		intake.put("antidepressantTrials", List.of());
		intake.put("vitals", Map.of("systolic", 122, "diastolic", 78, "heartRate", 70));
		intake.put("submit", true);
		assertThat(api.put(path + "/intake", intake, prescriberToken).status()).isEqualTo(200);
		Response screening = api.post(path + "/screenings", Map.of(), prescriberToken);
		assertThat(api
			.post("/api/v1/screenings/" + screening.json().get("id").asString() + "/decision",
					Map.of("program", program, "decision", "ELIGIBLE", "mitigations", Map.of()), prescriberToken)
			.status()).isEqualTo(201);
		String document = switch (program) {
			case "KAP" -> "KAP_TREATMENT";
			case "IV_INFUSION" -> "IV_INFUSION_TREATMENT";
			default -> "ESKETAMINE_REMS_ENROLLMENT";
		};
		int version = jdbc.sql("select max(version) from intake.consent_document where code = ?")
			.param(document)
			.query(Integer.class)
			.single();
		assertThat(api
			.post(path + "/consents", Map.of("document", document, "version", version, "signerName",
					"Synthetic Patient", "signerRole", "PATIENT"), prescriberToken)
			.status()).isEqualTo(201);
	}

}
