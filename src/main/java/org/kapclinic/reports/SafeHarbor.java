package org.kapclinic.reports;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HIPAA Safe Harbor rules the research export applies (45 CFR 164.514(b)(2)(i)): no
 * names, contact details, record numbers or free text leave at all; every date becomes a
 * number of days since the patient's first dose (the year of the first dose is kept: (C)
 * allows years); ages over 89 are grouped as "90+" (C); geography is kept only as the
 * state (B); each patient gets a random study id, new in every export, so two exports
 * cannot be joined on it.
 */
final class SafeHarbor {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** US state and territory names and codes, to the two-letter code. */
	private static final Map<String, String> STATES = states();

	private SafeHarbor() {
	}

	/** Whole days from the first dose to {@code at} (negative before it). */
	static long day(Instant firstDose, Instant at) {
		return Math.floorDiv(at.getEpochSecond() - firstDose.getEpochSecond(), 86_400L);
	}

	/** The age at the first dose; 90 and over as "90+". */
	static String age(LocalDate birthDate, LocalDate firstDose) {
		int age = Period.between(birthDate, firstDose).getYears();
		return (age >= 90) ? "90+" : Integer.toString(age);
	}

	/**
	 * The state's two-letter code when the region names a US state; otherwise nothing.
	 */
	static String state(String region) {
		if (region == null) {
			return "";
		}
		return STATES.getOrDefault(region.strip().toUpperCase(Locale.ROOT), "");
	}

	/** A study id: 16 random hex digits. */
	static String studyId() {
		byte[] bytes = new byte[8];
		RANDOM.nextBytes(bytes);
		return "S" + HexFormat.of().formatHex(bytes);
	}

	private static Map<String, String> states() {
		String[] pairs = { "AL Alabama", "AK Alaska", "AZ Arizona", "AR Arkansas", "CA California", "CO Colorado",
				"CT Connecticut", "DE Delaware", "DC District of Columbia", "FL Florida", "GA Georgia", "HI Hawaii",
				"ID Idaho", "IL Illinois", "IN Indiana", "IA Iowa", "KS Kansas", "KY Kentucky", "LA Louisiana",
				"ME Maine", "MD Maryland", "MA Massachusetts", "MI Michigan", "MN Minnesota", "MS Mississippi",
				"MO Missouri", "MT Montana", "NE Nebraska", "NV Nevada", "NH New Hampshire", "NJ New Jersey",
				"NM New Mexico", "NY New York", "NC North Carolina", "ND North Dakota", "OH Ohio", "OK Oklahoma",
				"OR Oregon", "PA Pennsylvania", "RI Rhode Island", "SC South Carolina", "SD South Dakota",
				"TN Tennessee", "TX Texas", "UT Utah", "VT Vermont", "VA Virginia", "WA Washington", "WV West Virginia",
				"WI Wisconsin", "WY Wyoming", "PR Puerto Rico", "GU Guam", "VI Virgin Islands" };
		Map<String, String> states = new TreeMap<>();
		for (String pair : pairs) {
			String code = pair.substring(0, 2);
			states.put(code, code);
			states.put(pair.substring(3).toUpperCase(Locale.ROOT), code);
		}
		return Map.copyOf(states);
	}

}
