package org.kapclinic.patient;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a search box text means: a medical record number (with or without "KAP-"), a phone
 * number (its digits), an e-mail address, a date of birth, or name prefixes (every word
 * must start a given, family or preferred name).
 */
sealed interface PatientQuery {

	Pattern MRN = Pattern.compile("(?i)^KAP-?(\\d{4,12})$");

	/**
	 * Only text shaped like a date is parsed as one (a failed parse throws, which is
	 * slow).
	 */
	/** Digits with the punctuation people type in phone numbers: "(555) 010-0123". */
	Pattern PHONE_OR_NUMBER = Pattern.compile("^\\+?[\\d\\s().-]{4,25}$");

	Pattern DATE_LIKE = Pattern.compile("^\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}$");

	List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT), DateTimeFormatter.ofPattern("d.M.uuuu", Locale.ROOT));

	static PatientQuery parse(String text) {
		String q = (text == null) ? "" : text.trim();
		if (q.isEmpty()) {
			return new Everyone();
		}
		var mrn = MRN.matcher(q);
		if (mrn.matches()) {
			return new ByMrn("KAP-" + mrn.group(1));
		}
		if (q.contains("@") && !q.contains(" ")) {
			return new ByEmail(q.toLowerCase(Locale.ROOT));
		}
		if (DATE_LIKE.matcher(q).matches()) {
			for (DateTimeFormatter format : DATES) {
				try {
					return new ByBirthDate(LocalDate.parse(q, format));
				}
				catch (DateTimeParseException ex) {
					// not this format
				}
			}
		}
		if (PHONE_OR_NUMBER.matcher(q).matches()) {
			String digits = q.replaceAll("\\D", "");
			if (digits.length() >= 4) {
				return new ByDigits(digits);
			}
		}
		List<String> words = Arrays.stream(q.split("[\\s,]+"))
			.map(SearchKeys::of)
			.filter((word) -> word != null)
			.limit(4)
			.toList();
		return new ByName(words);
	}

	record Everyone() implements PatientQuery {
	}

	record ByMrn(String mrn) implements PatientQuery {
	}

	record ByBirthDate(LocalDate birthDate) implements PatientQuery {
	}

	/**
	 * The digits of a medical record number (KAP-100071 found by "100071") or of a phone
	 * number, whichever matches.
	 */
	record ByDigits(String digits) implements PatientQuery {
	}

	/** An e-mail address, compared without case. */
	record ByEmail(String email) implements PatientQuery {
	}

	/**
	 * Every prefix (a search key, see {@link SearchKeys}) must start a family, given or
	 * preferred name.
	 */
	record ByName(List<String> prefixes) implements PatientQuery {
	}

}
