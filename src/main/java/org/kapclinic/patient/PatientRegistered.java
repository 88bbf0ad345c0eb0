package org.kapclinic.patient;

import java.util.UUID;

/** A new patient record was created. */
public record PatientRegistered(UUID patientId, String mrn) {
}
