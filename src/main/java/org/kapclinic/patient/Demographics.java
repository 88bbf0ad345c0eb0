package org.kapclinic.patient;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What aggregate reports need of a patient: birth date (for ages), sex at birth and the
 * region (state) of the address, as typed. Never a name, contact detail or MRN.
 */
public record Demographics(UUID patientId, LocalDate birthDate, SexAtBirth sexAtBirth, String region) {
}
