package org.kapclinic.fhir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.kapclinic.dosing.VitalSigns;
import org.kapclinic.intake.RecordedDiagnoses;
import org.kapclinic.intake.SignedConsents;
import org.kapclinic.measures.Measurement;
import org.kapclinic.measures.MeasurementQuery;
import org.kapclinic.measures.Measures;
import org.kapclinic.patient.Patients;
import org.kapclinic.scheduling.Appointments;
import org.springframework.stereotype.Component;

/**
 * {@code Patient/{id}/$everything}: the patient, their care team, guardians and emergency
 * contact (RelatedPerson), intake diagnoses (Condition) and signed consents (Consent,
 * oldest first), then what this server holds about them by date, newest first (scores
 * with their QuestionnaireResponses, vital signs, weights and heights, appointments by
 * their start, signed notes and disclosure PDFs as DocumentReferences), one page at a
 * time. Each part is read under its own module's access rule and audited; a role that may
 * not see clinical content gets the refusal those rules give.
 */
@Component
class PatientEverything {

	private final Patients patients;

	private final PatientResources patientResources;

	private final Measures measures;

	private final ObservationResources observations;

	private final QuestionnaireResponses responses;

	private final VitalSigns vitals;

	private final VitalsResources vitalsResources;

	private final RecordedDiagnoses diagnoses;

	private final Appointments appointments;

	private final AppointmentResources appointmentResources;

	private final SignedConsents consents;

	private final PatientDocuments documents;

	PatientEverything(Patients patients, PatientResources patientResources, Measures measures,
			ObservationResources observations, QuestionnaireResponses responses, VitalSigns vitals,
			VitalsResources vitalsResources, RecordedDiagnoses diagnoses, Appointments appointments,
			AppointmentResources appointmentResources, SignedConsents consents, PatientDocuments documents) {
		this.consents = consents;
		this.documents = documents;
		this.diagnoses = diagnoses;
		this.appointments = appointments;
		this.appointmentResources = appointmentResources;
		this.patients = patients;
		this.patientResources = patientResources;
		this.measures = measures;
		this.observations = observations;
		this.responses = responses;
		this.vitals = vitals;
		this.vitalsResources = vitalsResources;
	}

	/**
	 * Resources {@code [offset, offset + limit)} of the patient's record in this order.
	 */
	List<IBaseResource> page(UUID patientId, int offset, int limit) {
		List<IBaseResource> page = new ArrayList<>();
		page.add(this.patientResources.toFhir(this.patients.registration(patientId)));
		CareTeam team = CareTeamProvider.toFhir(patientId, this.patients.careTeam(patientId));
		if (team != null) {
			page.add(team);
		}
		this.patients.contacts(patientId).forEach((c) -> page.add(RelatedPersonProvider.toFhir(patientId, c)));
		this.diagnoses.ofPatient(patientId).forEach((d) -> page.add(ConditionProvider.toFhir(d)));
		this.consents.ofPatient(patientId).forEach((c) -> page.add(ConsentResources.toFhir(c)));
		int window = offset + limit;
		List<DomainResource> dated = new ArrayList<>();
		for (Measurement m : this.measures
			.search(new MeasurementQuery(patientId, List.of(), null, null, true, 0, window))) {
			dated.add(this.observations.toFhir(m));
			dated.add(this.responses.toFhir(m));
		}
		this.vitals.search(patientId, null, null, true, 0, window)
			.forEach(
					(set) -> dated.addAll(this.vitalsResources.toFhir(set, EnumSet.allOf(VitalsResources.Sign.class))));
		this.patients.bodyMeasurements(patientId, null, null)
			.forEach((m) -> dated.addAll(this.vitalsResources.toFhir(m, EnumSet.allOf(VitalsResources.Sign.class))));
		dated.addAll(this.appointmentResources
			.toFhir(this.appointments.forPatient(patientId).stream().limit(window).toList()));
		dated.addAll(this.documents.forPatient(patientId).stream().limit(window).toList());
		dated.sort(Comparator.comparing(PatientEverything::when)
			.reversed()
			.thenComparing((DomainResource r) -> r.getIdElement().getIdPart()));
		page.addAll(dated);
		return page.subList(Math.min(offset, page.size()), Math.min(window, page.size()));
	}

	private static java.util.Date when(DomainResource resource) {
		if (resource instanceof Observation o) {
			return o.getEffectiveDateTimeType().getValue();
		}
		if (resource instanceof Appointment a) {
			return a.getStart();
		}
		if (resource instanceof DocumentReference d) {
			return d.getDate();
		}
		return ((QuestionnaireResponse) resource).getAuthored();
	}

}
