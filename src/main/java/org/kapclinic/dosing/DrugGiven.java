package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.kapclinic.ledger.LotLabel;

/**
 * One administration that put drug into a patient (a start, an additional dose or an
 * esketamine device) with its session: for other systems (FHIR MedicationAdministration).
 *
 * @param esketamine the session's program is esketamine (Spravato), otherwise racemic
 * ketamine
 * @param recordedBy the staff member who recorded giving it (the nurse at the chair)
 * @param lot the label of the lot it was drawn from (null when none was recorded)
 */
public record DrugGiven(UUID id, UUID patientId, UUID sessionId, boolean esketamine, Route route, String kind,
		BigDecimal doseMg, BigDecimal rateMgPerHour, Instant at, Instant recordedAt, UUID recordedBy, LotLabel lot) {

	DrugGiven withLot(LotLabel label) {
		return new DrugGiven(this.id, this.patientId, this.sessionId, this.esketamine, this.route, this.kind,
				this.doseMg, this.rateMgPerHour, this.at, this.recordedAt, this.recordedBy, label);
	}

}
