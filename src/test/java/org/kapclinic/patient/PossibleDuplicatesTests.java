package org.kapclinic.patient;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.patient.DuplicateMatch.MatchedOn;

import static org.assertj.core.api.Assertions.assertThat;

class PossibleDuplicatesTests {

	@Test
	void phonesCompareByDigitsAndShortNumbersNeverMatch() {
		assertThat(PossibleDuplicates.phoneDigits("(555) 0142")).isEqualTo(PossibleDuplicates.phoneDigits("555-0142"));
		assertThat(PossibleDuplicates.phoneDigits("12-34")).isNull();
		assertThat(PossibleDuplicates.phoneDigits(null)).isNull();
	}

	@Test
	void emailsCompareWithoutCaseAndBlankIsNone() {
		assertThat(PossibleDuplicates.email(" Juniper@Example.TEST ")).isEqualTo("juniper@example.test");
		assertThat(PossibleDuplicates.email("  ")).isNull();
	}

	@Test
	void whatMatchedIsSaidInWords() {
		DuplicateMatch match = new DuplicateMatch(UUID.randomUUID(), "KAP-100001", "Juniper Quill",
				LocalDate.of(1988, 4, 12), List.of(MatchedOn.NAME_AND_BIRTH_DATE, MatchedOn.PHONE));
		assertThat(match.reasons()).isEqualTo("same family name and date of birth, same phone");
	}

}
