package org.kapclinic.dosing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.dosing.SessionGuard.Step;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.patient.Patients;
import org.kapclinic.scheduling.RemsEnrollments;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.stereotype.Service;

/** Builds the REMS monitoring summary of an esketamine session from what was recorded. */
/*
 * No read-only transaction around the reads: the audit row of a read is committed by the
 * audit batch writer on a connection of its own, and a transaction held open meanwhile
 * would tie up a second connection per request (pool exhaustion under load).
 */
@Service
class RemsSummaries {

	/** The REMS form's "~40 minutes" reading: the one closest to 40 min within 30–55. */
	private static final Duration BP_CHECK = Duration.ofMinutes(40);

	private final SessionGuard guard;

	private final SessionRows rows;

	private final MonitoringRows monitoringRows;

	private final Patients patients;

	private final RemsEnrollments rems;

	private final AuditTrail audit;

	private final ClinicTime clinicTime;

	private final RemsForms forms;

	RemsSummaries(SessionGuard guard, SessionRows rows, MonitoringRows monitoringRows, Patients patients,
			RemsEnrollments rems, AuditTrail audit, ClinicTime clinicTime, RemsForms forms) {
		this.forms = forms;
		this.guard = guard;
		this.rows = rows;
		this.monitoringRows = monitoringRows;
		this.patients = patients;
		this.rems = rems;
		this.audit = audit;
		this.clinicTime = clinicTime;
	}

	public RemsSummary summary(UUID sessionId) {
		Step step = this.guard.read(sessionId);
		DosingSession s = step.session();
		if (!step.protocol().esketamine()) {
			throw InvalidInputException.of("sessionId", "the REMS monitoring summary is for esketamine sessions");
		}
		PatientSummary patient = this.patients.summary(s.patientId()).orElseThrow();
		List<Administration> devices = this.rows.administrations(s.id())
			.stream()
			.filter((a) -> "DEVICE".equals(a.kind()))
			.toList();
		List<Vitals> vitals = this.monitoringRows.vitals(s.id());
		List<Observation> observations = this.monitoringRows.observations(s.id());
		Instant first = (devices.isEmpty()) ? null : devices.get(0).at();
		Instant end = s.closedAt();
		Vitals before = vitals.stream().filter(Vitals::preDose).reduce((a, b) -> b).orElse(null);
		Vitals at40 = (first == null) ? null : vitals.stream().filter((v) -> !v.preDose()).filter((v) -> {
			long minutes = Duration.between(first, v.at()).toMinutes();
			return minutes >= 30 && minutes <= 55;
		}).min(Comparator.comparing((Vitals v) -> Duration.between(first.plus(BP_CHECK), v.at()).abs())).orElse(null);
		Vitals last = vitals.isEmpty() ? null : vitals.get(vitals.size() - 1);
		Integer spo2Limit = step.protocol().alerts().spo2Below();
		Integer rrLimit = step.protocol().alerts().respiratoryRateBelow();
		boolean respiratory = vitals.stream()
			.anyMatch((v) -> (spo2Limit != null && v.spo2() != null && v.spo2() < spo2Limit)
					|| (rrLimit != null && v.respiratoryRate() != null && v.respiratoryRate() < rrLimit))
				|| observations.stream()
					.anyMatch((o) -> "RESPIRATORY_DEPRESSION".equals(o.effect()) || "DESATURATION".equals(o.effect()));
		boolean sedation = observations.stream()
			.anyMatch((o) -> (o.moaas() != null && o.moaas() < 5) || "OVERSEDATION".equals(o.effect()));
		boolean dissociation = observations.stream()
			.anyMatch((o) -> (o.cadssTotal() != null && o.cadssTotal() > 0) || "DISSOCIATION".equals(o.effect()));
		List<String> adverse = observations.stream()
			.filter((o) -> "ADVERSE_EVENT".equals(o.kind()) || "SIDE_EFFECT".equals(o.kind()))
			.map(SessionReads::describe)
			.toList();
		Boolean acceptable = (s.readyAt() != null) ? Boolean.TRUE : null;
		this.audit.record(AuditEvent.of(AuditAction.EXPORT, "RemsMonitoringSummary", s.id())
			.patient(s.patientId())
			.category(DataCategory.CLINICAL));
		return new RemsSummary(s.id(), patient.mrn(), patient.displayName(),
				this.rems.enrolledOn(s.patientId()).orElse(null), this.clinicTime.date(s.checkedInAt()),
				SessionRows.sumGiven(devices), devices.size(),
				devices.stream().map(Administration::lotId).filter(Objects::nonNull).distinct().toList(),
				s.concomitant(), first, end,
				(first != null && end != null) ? Duration.between(first, end).toMinutes() : null, s.readyAt(),
				(first != null && s.readyAt() != null) ? Duration.between(first, s.readyAt()).toMinutes() : null,
				bp(before), bp(at40), (last != null && !last.preDose()) ? bp(last) : null, acceptable, sedation,
				dissociation, respiratory, adverse, s.state().name(), this.forms.find(s.id()).orElse(null));
	}

	private static String bp(Vitals v) {
		return (v == null) ? null : v.systolic() + "/" + v.diastolic();
	}

}
