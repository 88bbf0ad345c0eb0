package org.kapclinic.fhir;

import java.util.List;

import org.kapclinic.dosing.SessionReads;
import org.kapclinic.intake.RecordedDiagnoses;
import org.kapclinic.intake.SignedConsents;
import org.kapclinic.patient.Patients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code $export} writes about each patient besides the Patient itself, one source
 * per resource type; a new patient-compartment type joins the export with one bean here.
 */
@Configuration(proxyBeanMethods = false)
class ExportSources {

	@Bean
	ExportSource observationExport(PatientObservations observations) {
		return source("Observation",
				(patient) -> observations.all(patient.patientId(), patient.measurements(), patient.vitals()));
	}

	@Bean
	ExportSource careTeamExport(Patients patients) {
		return byId("CareTeam", (patientId) -> {
			org.hl7.fhir.r4.model.CareTeam team = CareTeamProvider.toFhir(patientId, patients.careTeam(patientId));
			return (team == null) ? List.of() : List.of(team);
		});
	}

	@Bean
	ExportSource relatedPersonExport(Patients patients) {
		return byId("RelatedPerson",
				(patientId) -> patients.contacts(patientId)
					.stream()
					.map((c) -> RelatedPersonProvider.toFhir(patientId, c))
					.toList());
	}

	@Bean
	ExportSource conditionExport(RecordedDiagnoses diagnoses) {
		return byId("Condition",
				(patientId) -> diagnoses.ofPatient(patientId).stream().map(ConditionProvider::toFhir).toList());
	}

	@Bean
	ExportSource consentExport(SignedConsents consents) {
		return byId("Consent",
				(patientId) -> consents.ofPatient(patientId).stream().map(ConsentResources::toFhir).toList());
	}

	@Bean
	ExportSource documentReferenceExport(PatientDocuments documents) {
		return byId("DocumentReference", documents::forPatient);
	}

	@Bean
	ExportSource appointmentExport(AppointmentResources resources) {
		return source("Appointment", (patient) -> resources.toFhir(patient.appointments()));
	}

	@Bean
	ExportSource questionnaireResponseExport(QuestionnaireResponses responses) {
		return source("QuestionnaireResponse",
				(patient) -> patient.measurements().stream().map(responses::toFhir).toList());
	}

	@Bean
	ExportSource encounterExport(SessionReads sessions) {
		return byId("Encounter",
				(patientId) -> sessions.forPatient(patientId).stream().map(EncounterProvider::toFhir).toList());
	}

	@Bean
	ExportSource medicationAdministrationExport(MedicationAdministrationProvider provider) {
		return source("MedicationAdministration",
				(patient) -> patient.drugsGiven().stream().map(provider::toFhir).toList());
	}

	/**
	 * Who recorded each score, administration and set of session vital signs of the
	 * patient, and who booked each appointment.
	 */
	@Bean
	ExportSource provenanceExport(ProvenanceResources resources) {
		return source("Provenance", (patient) -> {
			List<org.hl7.fhir.r4.model.Provenance> all = new java.util.ArrayList<>();
			patient.measurements().forEach((m) -> all.add(resources.toFhir(m)));
			patient.drugsGiven().forEach((d) -> all.add(resources.toFhir(d)));
			patient.vitals().forEach((v) -> all.add(resources.toFhir(v)));
			patient.appointments().forEach((a) -> all.add(resources.toFhir(a)));
			return all;
		});
	}

	/** A source of one patient's own reads. */
	private static ExportSource byId(String type,
			java.util.function.Function<java.util.UUID, List<? extends org.hl7.fhir.r4.model.DomainResource>> read) {
		return source(type, (patient) -> read.apply(patient.patientId()));
	}

	private static ExportSource source(String type,
			java.util.function.Function<ExportReads.OfPatient, List<? extends org.hl7.fhir.r4.model.DomainResource>> read) {
		return new ExportSource() {
			@Override
			public String type() {
				return type;
			}

			@Override
			public List<? extends org.hl7.fhir.r4.model.DomainResource> forPatient(ExportReads.OfPatient patient) {
				return read.apply(patient);
			}
		};
	}

}
