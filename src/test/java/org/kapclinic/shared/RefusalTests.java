package org.kapclinic.shared;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalTests {

	@Test
	void aRulesReasonsBecomeMessageKeysWithTheirDetail() {
		UUID patient = UUID.randomUUID();
		Refusal refusal = Refusal.of(
				new RuleViolationException("This appointment cannot be booked.",
						List.of("PROGRAM_REQUIRED: a dosing session belongs to a program (course or program field)",
								"NOT_READY: CONSENT", "STAFF_HOURS: Nell Bellweather does not work then", "free text")),
				patient);
		assertThat(refusal.summary()).isEqualTo("This appointment cannot be booked.");
		assertThat(refusal.patientId()).isEqualTo(patient);
		assertThat(refusal.reasons()).extracting(Refusal.Reason::key)
			.containsExactly("reason.PROGRAM_REQUIRED", "reason.NOT_READY.CONSENT", "reason.STAFF_HOURS",
					"reason.OTHER");
		assertThat(refusal.reasons().get(1).fallbackKey()).isEqualTo("reason.NOT_READY");
		assertThat(refusal.reasons().get(2).detail()).isEqualTo("Nell Bellweather does not work then");
		assertThat(refusal.reasons()).extracting(Refusal.Reason::fallback)
			.as("without words in the bundle, the code is still shown in words")
			.containsExactly("Program required: a dosing session belongs to a program (course or program field)",
					"Not ready: consent", "Staff hours: Nell Bellweather does not work then", "Free text");
	}

	@Test
	void fieldProblemsNameTheFieldInWords() {
		Refusal refusal = Refusal.of(InvalidInputException.of("durationMinutes", "must be at least 10"));
		assertThat(refusal.reasons()).singleElement().satisfies((reason) -> {
			assertThat(reason.key()).isEqualTo("field.durationMinutes");
			assertThat(reason.fallback()).isEqualTo("Duration minutes: must be at least 10");
		});
	}

	@Test
	void theBundleNamesTheBookingReasonsAndFormatsApostrophes() throws IOException {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		UUID patient = UUID.randomUUID();
		assertThat(messages.getMessage("reason.PROGRAM_REQUIRED", new Object[] { "x" }, null))
			.startsWith("Plan a course or choose a program");
		assertThat(messages.getMessage("reason.NOT_READY.fix", new Object[] { patient }, null))
			.isEqualTo("/patients/" + patient + "/eligibility");
		assertThat(messages.getMessage("reason.OUTSIDE_HOURS", new Object[] { "x" }, null))
			.isEqualTo("Outside the clinic's opening hours: x.");
		// Every message is formatted with arguments: a lone apostrophe would swallow
		// text.
		Properties raw = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
			raw.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		raw.forEach(
				(key, value) -> assertThat(value.toString().replace("''", "")).as(key.toString()).doesNotContain("'"));
	}

}
