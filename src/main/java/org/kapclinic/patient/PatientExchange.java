package org.kapclinic.patient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other systems (FHIR) read about a patient besides the registration: guardians and
 * emergency contact, weights and heights. The chart's access rules
 * ({@link PatientAccessPolicy}) and one audit entry per read, as in
 * {@link PatientService}.
 */
@Service
class PatientExchange {

	private final PatientReads reads;

	private final BodyMeasurements measurements;

	private final PatientAccessPolicy access;

	private final AuditTrail audit;

	PatientExchange(PatientReads reads, BodyMeasurements measurements, PatientAccessPolicy access, AuditTrail audit) {
		this.reads = reads;
		this.measurements = measurements;
		this.access = access;
		this.audit = audit;
	}

	/**
	 * The patient's weights and heights in force measured in {@code [from, before)}
	 * (either end open when null), newest first; clinical content, audited.
	 */
	@Transactional(readOnly = true)
	List<MeasuredBody> bodyMeasurements(UUID id, Instant from, Instant before) {
		this.access.requireClinical(id);
		List<MeasuredBody> found = this.measurements.history(id)
			.stream()
			.filter((m) -> m.voidedAt() == null)
			.filter((m) -> from == null || !m.measuredAt().isBefore(from))
			.filter((m) -> before == null || m.measuredAt().isBefore(before))
			.map((m) -> MeasuredBody.of(id, m))
			.toList();
		this.audit.record(AuditEvent.of(AuditAction.READ, "BodyMeasurement", null)
			.patient(id)
			.category(DataCategory.CLINICAL)
			.detail("results=" + found.size()));
		return found;
	}

	/** One measurement in force (404 when absent, voided or not visible to the user). */
	@Transactional(readOnly = true)
	MeasuredBody bodyMeasurement(UUID measurementId) {
		var found = this.measurements.find(measurementId)
			.filter((row) -> row.getValue().voidedAt() == null)
			.orElseThrow(() -> new NotFoundException("BodyMeasurement", measurementId));
		UUID patientId = found.getKey();
		this.access.requireClinical(patientId);
		this.audit.record(AuditEvent.of(AuditAction.READ, "BodyMeasurement", measurementId)
			.patient(patientId)
			.category(DataCategory.CLINICAL));
		return MeasuredBody.of(patientId, found.getValue());
	}

	/**
	 * The patient's guardians and emergency contact, to whoever may see the patient
	 * (demographics), audited.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	List<PatientContact> contacts(UUID id) {
		PatientRecord record = this.reads.find(id)
			.orElseThrow(() -> new NotFoundException(PatientAccessPolicy.RESOURCE, id));
		this.access.requireVisible(id, record.careTeamIds());
		List<PatientContact> contacts = PatientContact.of(record);
		this.audit.record(AuditEvent.of(AuditAction.READ, PatientAccessPolicy.RESOURCE, id)
			.patient(id)
			.category(DataCategory.DEMOGRAPHICS)
			.detail("guardians and emergency contact results=" + contacts.size()));
		return contacts;
	}

}
