package org.kapclinic.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 3: a screening finding's source reads as a clinician cites it ("Spravato
 * label §4"), never as a path in our reference notes.
 */
class CitationsTests {

	@Test
	void aRuleSourceBecomesThePrimarySourcesItRestsOn() {
		assertThat(Citations.forClinician("clinical.md §3 Contraindications / screening, row 'History of intracerebral "
				+ "hemorrhage': Absolute (esketamine). Basis: Spravato PI §4 [tag V]."))
			.isEqualTo("Spravato label §4");
		assertThat(Citations.forClinician("Basis: Spravato W&P; ACEP 2011 relative list [tag V]."))
			.isEqualTo("Spravato label, Warnings and Precautions; ACEP clinical policy on ketamine sedation (2011)");
		assertThat(Citations.forClinician("Basis: Spravato PI; Ketalar US label §4 [tag V]"))
			.isEqualTo("Spravato label; Ketalar label §4");
	}

	@Test
	void aSourceNamingNoPrimarySourceIsClinicPolicy() {
		assertThat(Citations.forClinician("Not in clinical.md: the lamotrigine flag comes from issue 3 [UNVERIFIED]."))
			.isEqualTo("Clinic policy");
		assertThat(Citations.forClinician(null)).isEqualTo("Clinic policy");
	}

	@Test
	void noShippedRuleIsCitedWithAReferenceFileOrATag() throws IOException {
		ObjectMapper json = new ObjectMapper();
		for (String file : List.of("2026.11-1", "2026.12-1")) {
			try (InputStream in = new ClassPathResource("eligibility/rule-sets/" + file + ".json").getInputStream()) {
				for (JsonNode rule : json.readTree(in).get("rules")) {
					String citation = Citations.forClinician(rule.get("source").asString());
					assertThat(citation).as(rule.get("id").asString())
						.doesNotContain(".md", "[tag", "UNVERIFIED", "issue")
						.isNotBlank();
					assertThat(Citations.confidence(rule.get("confidence").asString())).doesNotContain("_");
				}
			}
		}
	}

	@Test
	void anAdultIsNeverOfferedAMinorsAssent() {
		List<ConsentDocument> current = List.of(document("KAP_TREATMENT"), document(ConsentService.ASSENT));
		assertThat(EligibilityPageController.offeredDocuments(current, false)).extracting(ConsentDocument::code)
			.containsExactly("KAP_TREATMENT");
		assertThat(EligibilityPageController.offeredDocuments(current, true)).extracting(ConsentDocument::code)
			.containsExactly("KAP_TREATMENT", ConsentService.ASSENT);
	}

	private static ConsentDocument document(String code) {
		return new ConsentDocument(code, 1, code, "text", "hash", java.time.Instant.EPOCH);
	}

}
