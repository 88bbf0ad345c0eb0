package org.kapclinic.patient;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The few facts other modules need about a patient (age decides screening and consent
 * rules).
 */
public record PatientSummary(UUID id, String mrn, String displayName, LocalDate birthDate, int age, boolean minor,
		SexAtBirth sexAtBirth) {
}
