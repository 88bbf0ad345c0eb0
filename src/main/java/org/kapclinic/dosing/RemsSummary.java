package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The fields of the Spravato REMS Patient Monitoring Form for one outpatient session
 * (clinical.md 2.1: concomitant benzodiazepines, non-benzodiazepine hypnotics,
 * psychostimulants, MAOIs; dose and lot; total minutes from the first device to the end
 * of monitoring; when the patient would have been ready to leave without the 2-hour rule;
 * BP before dosing, at ~40 min and before discharge; vital signs acceptable; sedation,
 * dissociation, respiratory depression). Submitting the form to the REMS is a separate
 * step the clinic does (online or fax, within 7 days); {@code form} records when it was
 * submitted and the REMS confirmation number (null before the session closed).
 */
record RemsSummary(UUID sessionId, String mrn, String patientName, LocalDate remsEnrolledOn, LocalDate sessionDate,
		BigDecimal doseMg, int devices, List<UUID> lots, List<String> concomitant, Instant firstDeviceAt,
		Instant monitoringEndedAt, Long totalMonitoringMinutes, Instant readyAt, Long minutesUntilReady,
		String bloodPressureBefore, String bloodPressureAt40Minutes, String bloodPressureBeforeDischarge,
		Boolean vitalSignsAcceptable, boolean sedation, boolean dissociation, boolean respiratoryDepression,
		List<String> adverseEvents, String state, RemsForms.RemsForm form) {
}
