package org.kapclinic.patient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies for patient tests: fictional people with unique names and e-mails. */
final class PatientFixtures {

	private PatientFixtures() {
	}

	static String uniqueFamilyName() {
		return "Testwhistle" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	static Map<String, Object> adult(String familyName) {
		Map<String, Object> body = new HashMap<>();
		body.put("givenName", "Juniper");
		body.put("familyName", familyName);
		body.put("preferredName", "Juni");
		body.put("pronouns", "they/them");
		body.put("birthDate", "1988-04-12");
		body.put("sexAtBirth", "FEMALE");
		// Unique like the name: the same e-mail or phone would be a possible duplicate.
		body.put("email", "juniper." + familyName.toLowerCase() + "@example.test");
		body.put("address", Map.of("line1", "1 Fable Lane", "city", "Mirthwood", "postalCode", "00000"));
		return body;
	}

	static Map<String, Object> minor(String familyName, boolean withGuardian) {
		Map<String, Object> body = adult(familyName);
		body.put("birthDate", java.time.LocalDate.now().minusYears(15).toString());
		body.put("guardians",
				withGuardian
						? List.of(Map.of("name", "Parent " + familyName, "relationship", "Parent", "phone", "555-0143"))
						: List.of());
		return body;
	}

}
