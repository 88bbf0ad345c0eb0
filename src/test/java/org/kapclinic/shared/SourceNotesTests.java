package org.kapclinic.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceNotesTests {

	@Test
	void dropsPathsToOurReferenceNotesAndSaysTheCheckInWords() {
		assertThat(SourceNotes.readable("clinical.md 1.2: TRD day 1 56 mg (Spravato PI) [V]"))
			.isEqualTo("TRD day 1 56 mg (Spravato PI) (verified)");
		assertThat(SourceNotes.readable("Spravato PI: not approved below 18 (clinical.md §6) [V]; fixed"))
			.isEqualTo("Spravato PI: not approved below 18 (verified); fixed");
		assertThat(SourceNotes.readable("the top of published protocols (Fava 2020 dose-ranging, clinical.md §9) [V]"))
			.isEqualTo("the top of published protocols (Fava 2020 dose-ranging) (verified)");
		assertThat(SourceNotes.readable("clinic defaults (clinical.md 2.2 [U]); MOAA/S per Spravato PI 5.1 [V]"))
			.isEqualTo("clinic defaults; MOAA/S per Spravato PI 5.1 (verified)");
		assertThat(SourceNotes.readable("clinical.md 1.1 suggested software cap IV <= 1.0 mg/kg per session"))
			.isEqualTo("suggested software cap IV <= 1.0 mg/kg per session");
		assertThat(SourceNotes.readable("Clinic template; booster timing is clinician judgement"))
			.isEqualTo("Clinic template; booster timing is clinician judgement");
	}

}
