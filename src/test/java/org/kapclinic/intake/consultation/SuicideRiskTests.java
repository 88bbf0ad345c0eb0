package org.kapclinic.intake.consultation;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SuicideRiskTests {

	@Test
	void theTickedConcernIsARiskAnswer() {
		assertThat(Concern.SUICIDAL_THOUGHTS.risk()).isTrue();
		assertThat(Concern.DEPRESSION.risk()).isFalse();
		assertThat(SuicideRisk.named(form(List.of(Concern.ANXIETY, Concern.SUICIDAL_THOUGHTS), null))).isTrue();
		assertThat(SuicideRisk.named(form(List.of(Concern.ANXIETY), null))).isFalse();
	}

	@Test
	void wordsForSuicideOrSelfHarmInTheMessageFlagToo() {
		assertThat(SuicideRisk.named(form(List.of(Concern.DEPRESSION), "I have had suicidal thoughts"))).isTrue();
		assertThat(SuicideRisk.mentioned("Sometimes I don't want to be alive")).isTrue();
		assertThat(SuicideRisk.mentioned("history of SELF-HARM as a teen")).isTrue();
		assertThat(SuicideRisk.mentioned("Weekday evenings are best; I'm tired of feeling low")).isFalse();
		assertThat(SuicideRisk.mentioned(null)).isFalse();
	}

	private static ConsultationRequestForm form(List<Concern> concerns, String message) {
		return new ConsultationRequestForm("Asker", "Fablewick", LocalDate.of(1990, 1, 1), "a@example.test", "",
				concerns, "", "", message, true, "");
	}

}
