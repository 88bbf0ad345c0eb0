package org.kapclinic.patient;

import java.time.LocalDate;

/**
 * A structured patient search (FHIR's
 * {@code Patient?name=&family=&given=&birthdate=&identifier=}): each set part must match.
 * Names match as prefixes of a given, family or preferred name, ignoring case and accents
 * (FHIR string search); the birth date lies in {@code [bornFrom, bornTo]}; the MRN
 * matches exactly, and so does another system's identifier (both its system and its
 * value). Every part null finds everyone the user may see.
 */
public record PatientCriteria(String name, String family, String given, LocalDate bornFrom, LocalDate bornTo,
		String mrn, ExternalIdentifier identifier) {

	public PatientCriteria(String name, String family, String given, LocalDate bornFrom, LocalDate bornTo, String mrn) {
		this(name, family, given, bornFrom, bornTo, mrn, null);
	}

	/** Everyone the user may see. */
	public static PatientCriteria everyone() {
		return new PatientCriteria(null, null, null, null, null, null);
	}

}
