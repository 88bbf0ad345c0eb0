package org.kapclinic.reports;

import java.time.LocalDate;
import java.time.Period;

/**
 * The report's age bands (issue 18): age at the course's first dose. Codes as the API
 * writes them ({@code ageBand=18-25}).
 */
public enum AgeBand {

	UNDER_13("0-12", "Under 13", 0), ADOLESCENT("13-17", "13–17", 13), YOUNG_ADULT("18-25", "18–25", 18),
	ADULT("26-45", "26–45", 26), MIDDLE_AGE("46-65", "46–65", 46), OLDER_ADULT("66+", "66 and over", 66);

	private final String code;

	private final String label;

	private final int from;

	AgeBand(String code, String label, int from) {
		this.code = code;
		this.label = label;
		this.from = from;
	}

	/** As the API reads and writes it ({@code ageBand=18-25}). */
	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	/** The band of someone born on {@code birthDate}, on {@code day}. */
	public static AgeBand at(LocalDate birthDate, LocalDate day) {
		int age = Period.between(birthDate, day).getYears();
		AgeBand band = UNDER_13;
		for (AgeBand candidate : values()) {
			if (age >= candidate.from) {
				band = candidate;
			}
		}
		return band;
	}

	public static AgeBand ofCode(String code) {
		for (AgeBand band : values()) {
			if (band.code.equals(code)) {
				return band;
			}
		}
		throw new IllegalArgumentException("ageBand must be one of 13-17, 18-25, 26-45, 46-65, 66+");
	}

}
