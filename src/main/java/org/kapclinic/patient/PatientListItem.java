package org.kapclinic.patient;

import java.time.LocalDate;
import java.util.UUID;

/** One row of a patient search: enough to pick the right person, nothing clinical. */
record PatientListItem(UUID id, String mrn, String givenName, String familyName, String preferredName, String pronouns,
		LocalDate birthDate, int age) {
}
