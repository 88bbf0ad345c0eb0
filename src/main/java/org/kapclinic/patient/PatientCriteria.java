package org.kapclinic.patient;

import java.time.LocalDate;

/**
 * A structured patient search (FHIR's
 * {@code Patient?name=&family=&given=&birthdate=&identifier=}): each set part must match.
 * Names match as prefixes of a given, family or preferred name, ignoring case and accents
 * (FHIR string search); the birth date lies in {@code [bornFrom, bornTo]}; the MRN
 * matches exactly. Every part null finds everyone the user may see.
 */
public record PatientCriteria(String name, String family, String given, LocalDate bornFrom, LocalDate bornTo,
		String mrn) {

	/** Everyone the user may see. */
	public static PatientCriteria everyone() {
		return new PatientCriteria(null, null, null, null, null, null);
	}

}
