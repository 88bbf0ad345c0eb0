package org.kapclinic.patient;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PatientQueryTests {

	@Test
	void recognisesMedicalRecordNumbers() {
		assertThat(PatientQuery.parse("kap-100123")).isEqualTo(new PatientQuery.ByMrn("KAP-100123"));
		assertThat(PatientQuery.parse("KAP100123")).isEqualTo(new PatientQuery.ByMrn("KAP-100123"));
	}

	@Test
	void recognisesRecordNumberDigitsPhonesAndEmails() {
		assertThat(PatientQuery.parse("100123")).isEqualTo(new PatientQuery.ByDigits("100123"));
		assertThat(PatientQuery.parse("(555) 010-0123")).isEqualTo(new PatientQuery.ByDigits("5550100123"));
		assertThat(PatientQuery.parse("+1 555.010.0123")).isEqualTo(new PatientQuery.ByDigits("15550100123"));
		assertThat(PatientQuery.parse("Juni.Quill@Example.TEST"))
			.isEqualTo(new PatientQuery.ByEmail("juni.quill@example.test"));
		assertThat(PatientQuery.parse("12")).as("too few digits to mean anything but a name")
			.isInstanceOf(PatientQuery.ByName.class);
	}

	@Test
	void recognisesDatesOfBirthInCommonFormats() {
		LocalDate date = LocalDate.of(1988, 4, 12);
		assertThat(PatientQuery.parse("1988-04-12")).isEqualTo(new PatientQuery.ByBirthDate(date));
		assertThat(PatientQuery.parse("4/12/1988")).isEqualTo(new PatientQuery.ByBirthDate(date));
		assertThat(PatientQuery.parse("12.4.1988")).isEqualTo(new PatientQuery.ByBirthDate(date));
	}

	@Test
	void splitsNamesIntoSearchKeys() {
		assertThat(PatientQuery.parse("  Quill,  JUNI ")).isEqualTo(new PatientQuery.ByName(List.of("quill", "juni")));
		assertThat(PatientQuery.parse("Ölaf Núñez")).isEqualTo(new PatientQuery.ByName(List.of("olaf", "nunez")));
		assertThat(PatientQuery.parse("50%_off")).isEqualTo(new PatientQuery.ByName(List.of("50%_off")));
	}

	@Test
	void prefixUpperBoundsCoverExactlyThePrefix() {
		assertThat(SearchKeys.upperBound("amb")).isEqualTo("amc");
		assertThat(SearchKeys.upperBound("az")).isEqualTo("a{");
		assertThat("ambz".compareTo(SearchKeys.upperBound("amb"))).isNegative();
	}

	@Test
	void blankMeansEveryone() {
		assertThat(PatientQuery.parse("   ")).isInstanceOf(PatientQuery.Everyone.class);
		assertThat(PatientQuery.parse(null)).isInstanceOf(PatientQuery.Everyone.class);
	}

}
