package org.kapclinic.dosing;

import java.time.Instant;
import java.util.UUID;

/**
 * One set of vital signs in a session (LOINC 85353-1 panel: systolic 8480-6, diastolic
 * 8462-4, heart rate 8867-4, SpO2 by pulse oximetry 59408-5, respiratory rate 9279-1).
 *
 * @param preDose taken before the first dose (baseline, or a recheck while held)
 * @param late entered well after {@code at} (see {@code kap.dosing.late-entry-after})
 */
public record Vitals(UUID id, boolean preDose, int systolic, int diastolic, int heartRate, Integer spo2,
		Integer respiratoryRate, Instant at, Instant recordedAt, UUID recordedBy, boolean late) {
}
