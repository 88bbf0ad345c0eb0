package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One administration that put drug into a patient (a start, an additional dose or an
 * esketamine device) with its session: for other systems (FHIR MedicationAdministration).
 *
 * @param esketamine the session's program is esketamine (Spravato), otherwise racemic
 * ketamine
 * @param recordedBy the staff member who recorded giving it (the nurse at the chair)
 */
public record DrugGiven(UUID id, UUID patientId, UUID sessionId, boolean esketamine, Route route, String kind,
		BigDecimal doseMg, BigDecimal rateMgPerHour, Instant at, Instant recordedAt, UUID recordedBy) {
}
