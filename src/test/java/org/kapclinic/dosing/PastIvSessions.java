package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalTime;
import java.util.UUID;

import org.kapclinic.shared.ClinicTime;

/**
 * Dosing history for tests of cumulative exposure: discharged IV ketamine sessions at
 * noon (clinic time) on days before today, imported as the demo's history is (0.5 mg/kg
 * at 80 kg: 40 mg each).
 */
public record PastIvSessions(DosingImport history, ClinicTime clinicTime, Clock clock, UUID nurse, UUID prescriber) {

	public void give(UUID patient, int... daysAgo) {
		for (int days : daysAgo) {
			this.history.demoPastSession(patient, null, UUID.randomUUID(), null, "IV_KETAMINE", new BigDecimal("80"),
					this.clinicTime.today(this.clock)
						.minusDays(days)
						.atTime(LocalTime.NOON)
						.atZone(this.clinicTime.timeZone())
						.toInstant(),
					false, false, null, this.nurse, this.prescriber);
		}
	}

}
